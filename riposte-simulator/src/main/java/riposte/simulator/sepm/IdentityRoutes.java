package riposte.simulator.sepm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import riposte.simulator.http.Access;
import riposte.simulator.http.BearerTokens;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimRequest;
import riposte.simulator.http.SimResponse;
import riposte.simulator.http.SimServer;
import tools.jackson.databind.JsonNode;

/** {@code /identity/authenticate}, {@code /identity/logout}, {@code /sessions/currentuser} and {@code /version}. */
final class IdentityRoutes {
    private final SepmModel model;
    private final SimServer server;
    private final String username;
    private final String password;

    IdentityRoutes(SepmModel model, SimServer server, String username, String password) {
        this.model = model;
        this.server = server;
        this.username = username;
        this.password = password;
    }

    void register(SepmRoutes routes) {
        routes.add("POST", SepmRoutes.V1 + "/identity/authenticate", Access.PUBLIC, this::authenticate)
                .add("POST", SepmRoutes.V1 + "/identity/logout", Access.BEARER, this::logout)
                .add("GET", SepmRoutes.V1 + "/sessions/currentuser", Access.BEARER,
                        r -> SepmRoutes.ok(userToken(null, 0)))
                .add("GET", SepmRoutes.V1 + "/version", Access.PUBLIC, r -> SepmRoutes.ok(new JsonWriter()
                        .beginObject().field("API_SEQUENCE", "240604011").field("API_VERSION", "14.3.9000")
                        .field("version", "14.3.25029.9000").endObject().toString()));
    }

    private SimResponse authenticate(SimRequest request) {
        JsonNode body = SepmRoutes.json(request.body());
        String user = text(body, "username");
        String sentPassword = text(body, "password");
        String domain = text(body, "domain");
        String decoded;
        try {
            // SEPM URL-decodes the password (reference §2.1, KB227053): "%" must be sent as "%25".
            decoded = URLDecoder.decode(sentPassword, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() != null && e.getMessage().contains("Illegal hex")
                    ? "URLDecoder: Illegal hex characters in escape (%) pattern"
                    : "URLDecoder: Incomplete trailing escape (%) pattern";
            return SepmErrors.error(400, message);
        }
        boolean domainOk = domain.isEmpty() || model.groups.domainById(domain).isPresent();
        if (!user.equals(username) || !decoded.equals(password) || !domainOk) {
            return SepmErrors.error(401, "Invalid user name or password.");
        }
        BearerTokens.Issued token = server.tokens().issue();
        server.countTokenIssued();
        return SepmRoutes.ok(userToken(token.value(), token.expiresInSeconds()));
    }

    private SimResponse logout(SimRequest request) {
        String auth = request.header("Authorization");
        server.tokens().expire(auth.substring(7).strip());
        return SepmRoutes.empty(204);
    }

    private String userToken(String token, long expiresIn) {
        GroupTree.Domain domain = model.groups.domains().getFirst();
        JsonWriter w = new JsonWriter().beginObject();
        if (token != null) {
            w.field("token", token).field("tokenExpiration", expiresIn)
                    .field("refreshToken", model.ids.id(Ids.TOKEN, token.hashCode() & 0x7FFFFFFF))
                    .field("refreshTokenExpiration", expiresIn * 2);
        }
        return w.field("username", username).field("domain", domain.name()).field("domainid", domain.id())
                .field("fullname", "SEPM Administrator")
                .field("adminId", model.ids.id(Ids.ADMIN, 0))
                .field("clientId", model.ids.id(Ids.ADMIN, 1)).field("clientSecret", model.ids.id(Ids.ADMIN, 2))
                .name("role").beginObject().field("bitMask", 8).field("title", "sysadmin").endObject()
                .name("permissionSet").beginObject().field("reportingRights", true).field("groupRights", true)
                .field("siteRights", true).field("remoteCommandRights", true).field("policyRights", true).endObject()
                .field("bannerTitle", "").field("bannerText", "")
                .field("serverTime", model.now())
                .endObject().toString();
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        return n == null || n.isNull() ? "" : n.asString();
    }
}
