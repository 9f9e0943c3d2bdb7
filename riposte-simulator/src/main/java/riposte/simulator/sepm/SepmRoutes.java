package riposte.simulator.sepm;

import java.nio.charset.StandardCharsets;
import riposte.simulator.http.Access;
import riposte.simulator.http.SimHandler;
import riposte.simulator.http.SimResponse;
import riposte.simulator.http.SimServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers SEPM routes on the shared HTTP base, each wrapped with the SEPM throttle and the mapping
 * of handler failures to the SEPM error body (400 for bad parameters, 500 otherwise).
 */
final class SepmRoutes {
    static final String V1 = "/sepm/api/v1";
    static final String V2 = "/sepm/api/v2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimServer server;
    private final Throttle throttle;
    private final SimClock clock;

    SepmRoutes(SimServer server, Throttle throttle, SimClock clock) {
        this.server = server;
        this.throttle = throttle;
        this.clock = clock;
    }

    SepmRoutes add(String method, String path, Access access, SimHandler handler) {
        boolean prefix = path.endsWith("/");
        server.route(method, path, prefix, method + " " + path + (prefix ? "{...}" : ""), access, wrap(handler));
        return this;
    }

    private SimHandler wrap(SimHandler handler) {
        return request -> {
            long wait = throttle.acquire(clock.millis());
            if (wait > 0) {
                return SepmErrors.error(429, "Too many requests. The REST API call threshold was reached.")
                        .withHeader("Retry-After", Long.toString(wait));
            }
            try {
                return handler.handle(request);
            } catch (Query.BadRequest e) {
                return SepmErrors.invalid(e.getMessage());
            } catch (RuntimeException e) {
                return SepmErrors.error(500, SepmErrors.SERVER);
            }
        };
    }

    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Query.BadRequest(SepmErrors.INVALID);
        }
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    static SimResponse ok(String json) {
        return SimResponse.json(200, json);
    }

    static SimResponse empty(int status) {
        return SimResponse.json(status, new byte[0]);
    }
}
