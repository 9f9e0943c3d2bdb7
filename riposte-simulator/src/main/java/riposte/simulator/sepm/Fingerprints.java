package riposte.simulator.sepm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import riposte.simulator.http.JsonWriter;
import tools.jackson.databind.JsonNode;

/**
 * The fingerprint lists and their system-lockdown assignments (reference §3.11, §3.12), kept in step:
 * a list's {@code groupIds} are exactly the groups it is assigned to.
 */
final class Fingerprints {
    static final String TRY_V2 = "This FingerprintList is not supported by V1, please try V2!";
    private static final Pattern NAME = Pattern.compile("^[^/\\\\*?<>|:\"]*$");

    private final Ids ids;
    private final GroupTree groups;
    private final Map<String, FingerprintList> lists = new LinkedHashMap<>();
    private int nextSerial;

    Fingerprints(Ids ids, GroupTree groups) {
        this.ids = ids;
        this.groups = groups;
    }

    static String notFound(String idOrName) {
        return "Fingerprint list with ID " + idOrName + " do not exist";
    }

    synchronized Optional<FingerprintList> byId(String id) {
        return Optional.ofNullable(id == null ? null : lists.get(id.toUpperCase(Locale.ROOT)));
    }

    synchronized Optional<FingerprintList> byName(String name, String domainId) {
        return lists.values().stream()
                .filter(l -> l.name.equalsIgnoreCase(name) && (domainId == null || l.domainId.equalsIgnoreCase(domainId)))
                .findFirst();
    }

    synchronized List<FingerprintList> all() {
        return List.copyOf(lists.values());
    }

    /** Creates a list; the outcome is the new id or an error {@code (status, message)}. */
    synchronized Outcome create(JsonNode body, boolean v2) {
        Payload p = Payload.parse(body, v2, groups, true);
        if (byName(p.name(), p.domainId()).isPresent()) {
            return new Outcome(409, "File Fingerprint already exists");
        }
        String id = ids.id(Ids.FINGERPRINT, nextSerial++);
        lists.put(id, new FingerprintList(id, p.name(), p.description(), p.domainId(), p.data()));
        return new Outcome(200, id);
    }

    /** Replaces the content of a list (the update of reference §3.11 is a full replacement). */
    synchronized Outcome replace(String id, JsonNode body, boolean v2) {
        FingerprintList list = byId(id).orElse(null);
        if (list == null) {
            return new Outcome(410, notFound(id));
        }
        Payload p = Payload.parse(body, v2, groups, false);
        String name = p.name() == null ? list.name : p.name();
        Optional<FingerprintList> clash = byName(name, list.domainId);
        if (clash.isPresent() && clash.get() != list) {
            return new Outcome(409, "File Fingerprint already exists");
        }
        list.name = name;
        list.description = p.description() == null ? list.description : p.description();
        list.data = p.data();
        return new Outcome(200, "");
    }

    synchronized boolean delete(String id) {
        return lists.remove(id.toUpperCase(Locale.ROOT)) != null;
    }

    /** False when the list was already assigned to the group (SEPM answers 422 then). */
    synchronized boolean assign(FingerprintList list, String groupId) {
        if (list.groupIds.contains(groupId)) {
            return false;
        }
        list.groupIds.add(groupId);
        return true;
    }

    synchronized void unassign(FingerprintList list, String groupId) {
        list.groupIds.remove(groupId);
    }

    /** The {@code FingerPrintList} JSON, v1 (strings, {@code hashType}) or v2 (maps). */
    static String json(FingerprintList l, boolean v2) {
        JsonWriter w = new JsonWriter().beginObject()
                .field("id", l.id).field("name", l.name).field("description", l.description);
        if (!v2) {
            w.field("hashType", l.v1HashType());
        }
        w.field("source", "WEBSERVICE").stringArray("groupIds", l.groupIds);
        if (v2) {
            w.name("data").beginArray();
            for (Map<String, String> entry : l.data) {
                w.beginObject();
                entry.forEach(w::field);
                w.endObject();
            }
            w.endArray();
        } else {
            w.stringArray("data", l.v1Data());
        }
        return w.endObject().toString();
    }

    /** A handler outcome: a status and the id or the error message. */
    record Outcome(int status, String value) {}

    /** A validated {@code BlacklistPayload}. */
    record Payload(String name, String description, String domainId, List<Map<String, String>> data) {
        static Payload parse(JsonNode body, boolean v2, GroupTree groups, boolean creating) {
            if (body == null || !body.isObject()) {
                throw new Query.BadRequest(SepmErrors.INVALID);
            }
            String name = text(body, "name");
            if (creating && (name == null || name.isBlank()) || name != null && !NAME.matcher(name).matches()) {
                throw new Query.BadRequest(SepmErrors.INVALID);
            }
            String domain = text(body, "domainId");
            // domainId is a required field of BlacklistPayload (reference §3.10): a client that leaves it out or
            // sends "" is told so, as the real SEPM's validation does, rather than given the first domain.
            if (domain == null || domain.isBlank()) {
                throw new Query.BadRequest(SepmErrors.INVALID);
            }
            String domainId = groups.domainById(domain).map(GroupTree.Domain::id)
                    .orElseThrow(() -> new Query.BadRequest(SepmErrors.INVALID));
            JsonNode data = body.get("data");
            if (data == null || !data.isArray() || data.isEmpty()) {
                throw new Query.BadRequest(SepmErrors.INVALID);
            }
            List<Map<String, String>> entries = new ArrayList<>();
            String hashType = text(body, "hashType");
            for (JsonNode item : data) {
                if (item.isObject()) {
                    if (!v2) {
                        throw new Query.BadRequest(TRY_V2);
                    }
                    Map<String, String> entry = new LinkedHashMap<>();
                    for (var field : item.properties()) {
                        if (field.getValue().asString().isBlank()) {
                            throw new Query.BadRequest(SepmErrors.INVALID); // an empty hash is no fingerprint
                        }
                        entry.put(hashType(field.getKey()), field.getValue().asString().strip().toUpperCase(Locale.ROOT));
                    }
                    entries.add(entry);
                } else if (item.isString()) {
                    if (item.asString().isBlank()) {
                        throw new Query.BadRequest(SepmErrors.INVALID); // data: [""] is refused, not stored
                    }
                    String type = hashType == null ? (v2 ? "SHA256" : null) : hashType(hashType);
                    if (type == null) {
                        throw new Query.BadRequest(SepmErrors.INVALID);
                    }
                    entries.add(Map.of(type, item.asString().strip().toUpperCase(Locale.ROOT)));
                } else {
                    throw new Query.BadRequest(SepmErrors.INVALID);
                }
            }
            return new Payload(name, text(body, "description"), domainId, entries);
        }

        private static String hashType(String type) {
            String t = type.strip().toUpperCase(Locale.ROOT);
            if (!t.equals("MD5") && !t.equals("SHA256")) {
                throw new Query.BadRequest("The hash type argument is invalid.");
            }
            return t;
        }

        private static String text(JsonNode body, String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asString();
        }
    }
}
