package riposte.symantec.sepm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A fingerprint list (blacklist) from {@code GET /policy-objects/fingerprints} (v1: {@code data} is a list of
 * hashes of {@code hashType}) or {@code /sepm/api/v2/...} (v2: {@code data} is a list of maps hash type → value).
 * Both shapes are read; {@link #fingerprints()} gives them flat. {@code groupIds} are the groups it is assigned to.
 */
public record FingerprintList(String id, String name, String description, String hashType, String source,
                              List<String> groupIds, List<JsonNode> data) {
    public FingerprintList {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        data = data == null ? List.of() : List.copyOf(data);
    }

    /** Every hash in the list, in order. */
    public List<Fingerprint> fingerprints() {
        List<Fingerprint> out = new ArrayList<>();
        for (JsonNode d : data) {
            if (d.isString()) {
                if (!d.asString().isBlank()) out.add(new Fingerprint(hashType != null ? hashType : Fingerprint.typeOf(d.asString()), d.asString()));
            } else if (d.isObject()) {
                for (Map.Entry<String, JsonNode> e : d.properties()) {
                    if (e.getValue().isString() && !e.getValue().asString().isBlank()) out.add(new Fingerprint(e.getKey(), e.getValue().asString()));
                }
            }
        }
        return out;
    }

    /** True if the list holds this hash (any case). */
    public boolean contains(String hash) {
        return fingerprints().stream().anyMatch(f -> f.value().equalsIgnoreCase(hash.strip()));
    }
}
