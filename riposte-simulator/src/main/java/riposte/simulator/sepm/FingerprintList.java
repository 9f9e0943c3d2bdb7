package riposte.simulator.sepm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fingerprint list (blacklist). Entries are stored the v2 way, a map hash type to upper-case value
 * per entry; a list whose entries all have one key of one type can also be read and written as v1.
 */
final class FingerprintList {
    final String id;
    String name;
    String description;
    String domainId;
    List<Map<String, String>> data;
    final Set<String> groupIds = new LinkedHashSet<>();

    FingerprintList(String id, String name, String description, String domainId, List<Map<String, String>> data) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.domainId = domainId;
        this.data = data;
    }

    /** The v1 {@code hashType}, or null when the entries cannot be expressed as one v1 list. */
    String v1HashType() {
        String type = null;
        for (Map<String, String> entry : data) {
            if (entry.size() != 1) {
                return null;
            }
            String t = entry.keySet().iterator().next();
            if (type != null && !type.equals(t)) {
                return null;
            }
            type = t;
        }
        return type == null ? "MD5" : type;
    }

    List<String> v1Data() {
        List<String> out = new ArrayList<>();
        data.forEach(entry -> out.addAll(entry.values()));
        return out;
    }

    boolean contains(String hash) {
        return data.stream().anyMatch(e -> e.values().stream().anyMatch(v -> v.equalsIgnoreCase(hash)));
    }
}
