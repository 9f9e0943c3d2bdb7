package riposte.symantec.sepm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.Md5;
import tools.jackson.databind.JavaType;

/**
 * The fingerprint-list calls, v1 first with the documented fallback to v2 when SEPM answers "This FingerprintList
 * is not supported by V1, please try V2!", and SEPM's 410 "Fingerprint list with ID … do not exist" read as "not
 * found". A list of one hash type is sent as v1 ({@code hashType} + strings); a mix goes straight to v2.
 */
final class FingerprintCalls {
    private static final String PATH = "policy-objects/fingerprints";
    private static final JavaType LIST = SepmJson.type(FingerprintList.class);
    private static final JavaType MAP = SepmJson.type(Map.class, String.class, String.class);

    private final SepmHttp http;

    FingerprintCalls(SepmHttp http) {
        this.http = http;
    }

    Optional<FingerprintList> byId(String id) {
        String checked = SepmIds.require(id, "fingerprint list id");
        return find(v -> (v ? http.v2(PATH) : http.v1(PATH)).addPathSegment(checked).build(), "fingerprint list " + checked);
    }

    Optional<FingerprintList> byName(String name, String domainId) {
        return find(v -> {
            HttpUrl.Builder b = (v ? http.v2(PATH) : http.v1(PATH)).addQueryParameter("name", name);
            if (domainId != null && !domainId.isBlank()) b.addQueryParameter("domainId", SepmIds.require(domainId, "domain id"));
            return b.build();
        }, "fingerprint list named '" + SepmIds.printable(name) + "'");
    }

    String create(FingerprintListRequest request) {
        Map<String, String> ids = write("POST", v -> (v ? http.v2(PATH) : http.v1(PATH)).build(), request, MAP,
                "creating fingerprint list '" + request.name() + "'");
        if (ids == null || ids.get("id") == null) throw new SepmProtocolException("SEPM created a fingerprint list without answering its id");
        return ids.get("id");
    }

    void replace(String id, FingerprintListRequest request) {
        String checked = SepmIds.require(id, "fingerprint list id");
        write("POST", v -> (v ? http.v2(PATH) : http.v1(PATH)).addPathSegment(checked).build(), request, null,
                "replacing fingerprint list " + checked);
    }

    boolean delete(String id) {
        String checked = SepmIds.require(id, "fingerprint list id");
        String call = "deleting fingerprint list " + checked;
        try {
            return withV2Fallback(v -> {
                http.json("DELETE", (v ? http.v2(PATH) : http.v1(PATH)).addPathSegment(checked).build(), null, true, null, call);
                return true;
            });
        } catch (SepmApiException e) {
            if (SepmErrors.notFound(e)) return false;
            throw e;
        }
    }

    private Optional<FingerprintList> find(Function<Boolean, HttpUrl> url, String what) {
        try {
            return Optional.ofNullable(withV2Fallback(v -> http.<FingerprintList>get(url.apply(v), LIST, "getting " + what)));
        } catch (SepmApiException e) {
            if (SepmErrors.notFound(e)) return Optional.empty();
            throw e;
        }
    }

    private <T> T write(String method, Function<Boolean, HttpUrl> url, FingerprintListRequest r, JavaType type, String call) {
        if (!r.singleType()) return http.json(method, url.apply(true), v2Payload(r), false, type, call);
        try {
            return http.json(method, url.apply(false), v1Payload(r), false, type, call);
        } catch (SepmApiException e) {
            if (!SepmErrors.tryV2(e)) throw e;
            return http.json(method, url.apply(true), v2Payload(r), false, type, call + " (v2)");
        }
    }

    private static <T> T withV2Fallback(Function<Boolean, T> call) {
        try {
            return call.apply(false);
        } catch (SepmApiException e) {
            if (!SepmErrors.tryV2(e)) throw e;
            return call.apply(true);
        }
    }

    static Map<String, Object> v1Payload(FingerprintListRequest r) {
        Map<String, Object> body = common(r);
        body.put("hashType", r.hashes().getFirst() instanceof Md5 ? "MD5" : "SHA256");
        body.put("data", r.hashes().stream().map(Indicator::value).toList());
        return body;
    }

    static Map<String, Object> v2Payload(FingerprintListRequest r) {
        Map<String, Object> body = common(r);
        List<Map<String, String>> data = new ArrayList<>();
        for (Indicator h : r.hashes()) data.add(Map.of(h instanceof Md5 ? "MD5" : "SHA256", h.value().toUpperCase(Locale.ROOT)));
        body.put("data", data);
        return body;
    }

    private static Map<String, Object> common(FingerprintListRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", r.name());
        body.put("description", r.description());
        if (r.domainId().isEmpty()) throw new IllegalStateException("a fingerprint list body without a domain id");
        body.put("domainId", r.domainId());
        return body;
    }
}
