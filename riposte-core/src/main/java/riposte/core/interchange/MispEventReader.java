package riposte.core.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the indicators out of a MISP event in MISP's JSON format: {@code {"Event": {...}}} (what MISP exports and
 * {@link MispEventWriter} writes) or the event object itself. The attributes of the event and of its objects whose
 * type Riposte knows (hashes, domain, hostname, ip-src/ip-dst, url, email addresses, vulnerability; the hash of a
 * {@code filename|sha256}-style composite, the address of {@code ip-dst|port}) become indicators; other types are
 * skipped. The TLP is the most restricted {@code tlp:*} tag of the attribute or, without one, of the event; other
 * tags (but Riposte's own {@code riposte:verdict}) become labels. Anything malformed fails the whole event with a
 * {@link StixFormatException} naming the attribute and field.
 */
public final class MispEventReader {

    private static final Map<String, IndicatorType> TYPES = Map.ofEntries(
            Map.entry("sha256", IndicatorType.SHA256), Map.entry("sha1", IndicatorType.SHA1),
            Map.entry("md5", IndicatorType.MD5), Map.entry("domain", IndicatorType.DOMAIN),
            Map.entry("hostname", IndicatorType.DOMAIN), Map.entry("url", IndicatorType.URL),
            Map.entry("email", IndicatorType.EMAIL), Map.entry("email-src", IndicatorType.EMAIL),
            Map.entry("email-dst", IndicatorType.EMAIL), Map.entry("vulnerability", IndicatorType.CVE));

    private MispEventReader() {}

    public static List<ImportedIndicator> read(String text) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw new StixFormatException("the MISP event is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new StixFormatException("a MISP event must be a JSON object");
        JsonNode event = root.has("Event") ? root.get("Event") : root;
        if (!event.isObject() || !event.has("info")) {
            throw new StixFormatException("not a MISP event: expected {\"Event\": {\"info\": …, \"Attribute\": […]}}");
        }
        Optional<Tlp> eventTlp = tlp("Event", event);
        List<ImportedIndicator> out = new ArrayList<>();
        attributes(out, "Attribute", event.get("Attribute"), eventTlp);
        JsonNode objects = event.get("Object");
        if (objects != null) {
            if (!objects.isArray()) throw new StixFormatException("Event property 'Object' must be an array");
            int i = 0;
            for (JsonNode object : objects) {
                String where = "Object " + i++;
                if (!object.isObject()) throw new StixFormatException(where + " is not a JSON object");
                Optional<Tlp> objectTlp = tlp(where, object);
                attributes(out, where + " Attribute", object.get("Attribute"),
                        objectTlp.isPresent() ? objectTlp : eventTlp);
            }
        }
        return out;
    }

    private static void attributes(List<ImportedIndicator> out, String where, JsonNode attributes,
            Optional<Tlp> inherited) {
        if (attributes == null) return;
        if (!attributes.isArray()) throw new StixFormatException(where + " must be an array");
        int i = 0;
        for (JsonNode a : attributes) {
            String at = where + " " + i++;
            if (!a.isObject()) throw new StixFormatException(at + " is not a JSON object");
            String type = text(a, "type");
            JsonNode valueNode = a.get("value");
            if (type == null) throw new StixFormatException(at + ": field 'type' is required");
            if (valueNode == null || !valueNode.isString()) {
                throw new StixFormatException(at + ": field 'value' is required and must be a string");
            }
            String value = valueNode.asString();
            if (type.contains("|")) { // composite: filename|sha256, ip-dst|port, domain|ip
                String[] types = type.split("\\|", 2);
                String[] values = value.split("\\|", 2);
                if (values.length != 2) throw new StixFormatException(at + ": field 'value' of a " + type
                        + " must hold two parts separated by '|'");
                int pick = known(types[0]) ? 0 : known(types[1]) ? 1 : -1;
                if (pick < 0) continue;
                type = types[pick];
                value = values[pick];
            }
            if (!known(type)) continue;
            IndicatorType expected = TYPES.get(type);
            Indicator indicator;
            try {
                indicator = expected == null ? IndicatorParser.parse(value) : IndicatorParser.parse(value, expected);
                if (expected == null && indicator.type() != IndicatorType.IPV4 && indicator.type() != IndicatorType.IPV6) {
                    throw new InvalidIndicatorException(value, "'" + value + "' is not an IP address");
                }
            } catch (InvalidIndicatorException e) {
                throw new StixFormatException(at + ": field 'value' is not a valid " + type + ": " + e.getMessage());
            }
            Optional<Tlp> own = tlp(at, a);
            out.add(new ImportedIndicator(indicator, own.isPresent() ? own : inherited, labels(at, a),
                    OptionalInt.empty()));
        }
    }

    private static boolean known(String type) {
        return TYPES.containsKey(type) || type.equals("ip-dst") || type.equals("ip-src");
    }

    private static Optional<Tlp> tlp(String where, JsonNode node) {
        Tlp tlp = null;
        for (String tag : tagNames(where, node)) {
            if (!tag.toLowerCase(java.util.Locale.ROOT).startsWith("tlp:")) continue;
            Tlp level = Tlp.parse(tag).orElseThrow(() -> new StixFormatException(where
                    + ": tag '" + shorten(tag) + "' is not a TLP level (" + Tlp.accepted() + ")"));
            tlp = tlp == null ? level : tlp.max(level);
        }
        return Optional.ofNullable(tlp);
    }

    private static List<String> labels(String where, JsonNode node) {
        List<String> labels = new ArrayList<>();
        for (String tag : tagNames(where, node)) {
            String lower = tag.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("tlp:") || lower.startsWith("riposte:verdict=")) continue;
            if (tag.isBlank() || tag.length() > 100) {
                throw new StixFormatException(where + ": tag '" + shorten(tag) + "' must be 1 to 100 characters");
            }
            labels.add(tag.strip());
        }
        return labels;
    }

    private static List<String> tagNames(String where, JsonNode node) {
        JsonNode tags = node.get("Tag");
        if (tags == null) return List.of();
        if (!tags.isArray()) throw new StixFormatException(where + ": field 'Tag' must be an array");
        List<String> names = new ArrayList<>();
        for (JsonNode t : tags) {
            String name = t.isObject() ? text(t, "name") : null;
            if (name == null) throw new StixFormatException(where + ": every Tag needs a string 'name'");
            names.add(name);
        }
        return names;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }
}
