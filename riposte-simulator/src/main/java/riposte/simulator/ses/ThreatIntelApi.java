package riposte.simulator.ses;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Pattern;
import riposte.core.indicator.Domain;
import riposte.core.indicator.Hostname;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Ipv4;
import riposte.core.indicator.Ipv6;
import riposte.core.indicator.Url;
import riposte.simulator.http.Access;
import riposte.simulator.http.JsonWriter;
import riposte.simulator.http.SimRequest;
import riposte.simulator.http.SimResponse;
import riposte.simulator.http.SimServer;

/**
 * The nine Threat Intel GET endpoints. The indicator is everything after the endpoint's prefix, echoed exactly as
 * received (percent-encoding kept, raw {@code host/path} accepted) and decoded only for lookup. Lookup order:
 * curated records, then the population, else "unknown" (200 with the echo key, plus an empty array where the
 * endpoint has one). Malformed input is 400 {@code {"message":"Invalid sha256"}} (or {@code network}, {@code cve}).
 */
final class ThreatIntelApi {

    private static final Pattern SHA256 = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern CVE = Pattern.compile("(?i)CVE-\\d{4}-\\d{4,7}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final SesPopulation population;
    private final CuratedRecords curated;
    private final FileRecords files;
    private final NetworkRecords network;
    private final CveRecords cves;

    ThreatIntelApi(SesPopulation population) {
        this.population = population;
        this.curated = new CuratedRecords(population);
        this.files = new FileRecords(population);
        this.network = new NetworkRecords(population);
        this.cves = new CveRecords(population.seed());
    }

    void register(SimServer server) {
        for (Endpoint e : Endpoint.values()) {
            server.route("GET", e.prefix, true, e.template, Access.BEARER, request -> answer(e, request));
        }
    }

    /** How a lookup went; invalid input is an outcome, not an exception, so bad requests stay cheap. */
    private enum Outcome { FOUND, UNKNOWN, INVALID }

    SimResponse answer(Endpoint endpoint, SimRequest request) {
        // A raw (unencoded) URL indicator may carry its own query; the endpoints take none, so it is the indicator's.
        String echo = request.rawQuery() == null || endpoint.input != Endpoint.Input.NETWORK
                ? request.tail() : request.tail() + "?" + request.rawQuery();
        JsonWriter w = new JsonWriter().beginObject().field(endpoint.input.echoKey, echo);
        Outcome outcome = switch (endpoint.input) {
            case FILE -> SHA256.matcher(echo).matches() ? file(endpoint, echo.toLowerCase(Locale.ROOT), w)
                    : Outcome.INVALID;
            case CVE -> CVE.matcher(echo).matches() ? cve(endpoint, echo.toUpperCase(Locale.ROOT), w)
                    : Outcome.INVALID;
            case NETWORK -> {
                String decoded = percentDecode(echo);
                yield decoded == null ? Outcome.INVALID : network(endpoint, decoded, w);
            }
        };
        if (outcome == Outcome.INVALID) return SimResponse.message(400, endpoint.input.invalidMessage);
        if (outcome == Outcome.UNKNOWN && endpoint.emptyArray != null) {
            w.name(endpoint.emptyArray).beginArray().endArray();
        }
        return SimResponse.json(200, w.endObject().toBytes());
    }

    private Outcome file(Endpoint endpoint, String sha, JsonWriter w) {
        String members = curated.find(endpoint, sha);
        if (members != null) {
            w.rawMembers(members);
            return Outcome.FOUND;
        }
        long i = population.findFile(sha);
        if (i < 0) return Outcome.UNKNOWN;
        switch (endpoint) {
            case FILE_INSIGHT -> files.insight(w, i);
            case FILE_PROTECTION -> files.protection(w, i);
            case FILE_RELATED -> files.related(w, i);
            case PROCESS_CHAIN -> files.processChain(w, i);
            default -> throw new IllegalStateException(endpoint.name());
        }
        return Outcome.FOUND;
    }

    private Outcome cve(Endpoint endpoint, String cve, JsonWriter w) {
        String members = curated.find(endpoint, cve);
        if (members != null) {
            w.rawMembers(members);
            return Outcome.FOUND;
        }
        if (population.findCve(cve) < 0) return Outcome.UNKNOWN;
        cves.protection(w, cve);
        return Outcome.FOUND;
    }

    private Outcome network(Endpoint endpoint, String decoded, JsonWriter w) {
        String value = withoutScheme(decoded.toLowerCase(Locale.ROOT));
        String members = curated.find(endpoint, value);
        if (members != null) {
            w.rawMembers(members);
            return Outcome.FOUND;
        }
        NetworkRecords.Kind kind;
        long i;
        if (IPV4.matcher(value).matches()) {
            kind = NetworkRecords.Kind.IP;
            i = population.findIp(value);
        } else if (value.indexOf('/') >= 0) {
            kind = NetworkRecords.Kind.URL;
            i = population.findUrl(value);
        } else {
            kind = NetworkRecords.Kind.DOMAIN;
            i = population.findDomain(value);
        }
        if (i < 0) return isNetworkIndicator(value) ? Outcome.UNKNOWN : Outcome.INVALID;
        switch (endpoint) {
            case NETWORK_INSIGHT -> network.insight(w, kind, i);
            case NETWORK_HISTORY -> network.history(w, kind, i);
            case NETWORK_PROTECTION -> network.protection(w, kind, i);
            case NETWORK_RELATED -> network.related(w, kind, i);
            default -> throw new IllegalStateException(endpoint.name());
        }
        return Outcome.FOUND;
    }

    /** Domain, host name, IPv4, IPv6 (accepted, always unknown: no public example) or scheme-less URL. */
    private static boolean isNetworkIndicator(String value) {
        return IndicatorParser.tryParseText(value)
                .map(ind -> ind instanceof Domain || ind instanceof Hostname || ind instanceof Ipv4
                        || ind instanceof Ipv6 || ind instanceof Url)
                .orElse(false);
    }

    private static String withoutScheme(String value) {
        int sep = value.indexOf("://");
        return sep > 0 && sep < 6 ? value.substring(sep + 3) : value;
    }

    /** Decodes {@code %XX} escapes as UTF-8 (a {@code +} stays a plus: this is a path, not a form); null if broken. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        var bytes = new ByteArrayOutputStream(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '%') {
                if (k + 2 >= s.length()) return null;
                int hi = Character.digit(s.charAt(k + 1), 16);
                int lo = Character.digit(s.charAt(k + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi << 4 | lo);
                k += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
