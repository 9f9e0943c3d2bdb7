package riposte.core.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the indicators out of a STIX 2.1 bundle: each {@code indicator} whose {@code pattern_type} is {@code stix}
 * and whose pattern is one comparison {@code [path = 'literal']} on a path Riposte knows (see
 * {@link StixPatterns#objectPath}), and each {@code vulnerability} named by a CVE id. Other objects are skipped.
 * Anything malformed fails the whole bundle with a {@link StixFormatException} naming the object and property,
 * so a caller stores all of it or none.
 *
 * <p>The pattern subset is parsed by hand: it is one comparison with a string literal, and accepting exactly
 * that (rather than the full grammar) is what keeps an imported pattern from meaning more than one value.
 */
public final class StixBundleReader {

    private static final Map<String, IndicatorType> PATHS = pathsByName();

    private StixBundleReader() {}

    /** The indicators in {@code json}, in bundle order. */
    public static List<Indicator> read(String json) {
        return readAll(json).stream().map(ImportedIndicator::indicator).toList();
    }

    /**
     * The indicators in {@code json} with their TLP ({@code object_marking_refs} naming a TLP 2.0 or 1.0 marking;
     * with several, the most restricted), {@code labels} and {@code confidence}, in bundle order.
     */
    public static List<ImportedIndicator> readAll(String json) {
        JsonNode bundle;
        try {
            bundle = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            throw new StixFormatException("the bundle is not JSON: " + e.getOriginalMessage());
        }
        if (bundle == null || !bundle.isObject() || !"bundle".equals(text(bundle, "type"))) {
            throw new StixFormatException("not a STIX bundle: property 'type' must be \"bundle\"");
        }
        JsonNode objects = bundle.get("objects");
        if (objects == null) return List.of();
        if (!objects.isArray()) throw new StixFormatException("bundle property 'objects' must be an array");
        List<ImportedIndicator> out = new ArrayList<>();
        int index = 0;
        for (JsonNode object : objects) {
            String where = "object " + index++;
            if (!object.isObject()) throw new StixFormatException(where + " is not a JSON object");
            String id = text(object, "id");
            if (id != null) where = where + " (" + id + ")";
            String type = text(object, "type");
            if ("indicator".equals(type)) {
                if (!"stix".equals(text(object, "pattern_type"))) {
                    throw new StixFormatException(where + ": property 'pattern_type' must be \"stix\"");
                }
                out.add(imported(where, object, parsePattern(where, text(object, "pattern"))));
            } else if ("vulnerability".equals(type)) {
                String name = text(object, "name");
                if (name == null) throw new StixFormatException(where + ": property 'name' is required");
                try {
                    out.add(imported(where, object, IndicatorParser.parse(name, IndicatorType.CVE)));
                } catch (InvalidIndicatorException e) {
                    // A vulnerability without a CVE name is not an indicator Riposte can look up; skip it.
                }
            }
        }
        return out;
    }

    private static ImportedIndicator imported(String where, JsonNode object, Indicator indicator) {
        Tlp tlp = null;
        JsonNode refs = object.get("object_marking_refs");
        if (refs != null) {
            if (!refs.isArray()) throw new StixFormatException(where + ": property 'object_marking_refs' must be an array");
            for (JsonNode ref : refs) {
                if (!ref.isString()) {
                    throw new StixFormatException(where + ": property 'object_marking_refs' must hold identifiers");
                }
                Tlp level = Tlp.ofStixMarking(ref.asString()).orElse(null);
                if (level != null) tlp = tlp == null ? level : tlp.max(level);
            }
        }
        List<String> labels = new ArrayList<>();
        JsonNode l = object.get("labels");
        if (l != null) {
            if (!l.isArray()) throw new StixFormatException(where + ": property 'labels' must be an array of strings");
            for (JsonNode label : l) {
                if (!label.isString() || label.asString().isBlank() || label.asString().length() > 100) {
                    throw new StixFormatException(where + ": property 'labels' must hold strings of 1 to 100 characters");
                }
                labels.add(label.asString().strip());
            }
        }
        java.util.OptionalInt confidence = java.util.OptionalInt.empty();
        JsonNode c = object.get("confidence");
        if (c != null) {
            if (!c.isIntegralNumber() || c.asInt() < 0 || c.asInt() > 100) {
                throw new StixFormatException(where + ": property 'confidence' must be an integer from 0 to 100");
            }
            confidence = java.util.OptionalInt.of(c.asInt());
        }
        return new ImportedIndicator(indicator, java.util.Optional.ofNullable(tlp), labels, confidence);
    }

    /** Parses {@code [path = 'literal']}, undoing the literal's {@code \\} and {@code \'} escapes. */
    static Indicator parsePattern(String where, String pattern) {
        if (pattern == null) throw new StixFormatException(where + ": property 'pattern' is required");
        String p = pattern.strip();
        int eq = p.indexOf(" = ");
        if (!p.startsWith("[") || !p.endsWith("]") || eq < 0) {
            throw unsupported(where, pattern);
        }
        String path = p.substring(1, eq).strip();
        String rest = p.substring(eq + 3, p.length() - 1).strip();
        IndicatorType type = PATHS.get(path);
        if (type == null || rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
            throw unsupported(where, pattern);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < rest.length() - 1; i++) {
            char c = rest.charAt(i);
            if (c == '\\') {
                if (i + 1 >= rest.length() - 1) throw unsupported(where, pattern);
                char next = rest.charAt(++i);
                if (next != '\\' && next != '\'') throw unsupported(where, pattern);
                value.append(next);
            } else if (c == '\'') {
                throw unsupported(where, pattern); // an unescaped quote: more than one literal
            } else {
                value.append(c);
            }
        }
        try {
            return IndicatorParser.parse(value.toString(), type);
        } catch (InvalidIndicatorException e) {
            throw new StixFormatException(where + ": property 'pattern': " + e.getMessage());
        }
    }

    private static StixFormatException unsupported(String where, String pattern) {
        String shown = pattern.length() > 200 ? pattern.substring(0, 200) + "…" : pattern;
        return new StixFormatException(where + ": property 'pattern' is not one comparison Riposte imports "
                + "([file:hashes.'SHA-256' = '…'], domain-name/ipv4-addr/ipv6-addr/url/email-addr:value = '…'): "
                + shown);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    private static Map<String, IndicatorType> pathsByName() {
        var paths = new java.util.HashMap<String, IndicatorType>();
        for (IndicatorType t : IndicatorType.values()) {
            if (StixPatterns.hasPattern(t)) paths.put(StixPatterns.objectPath(t), t);
        }
        paths.put("file:hashes.'MD5'", IndicatorType.MD5);
        paths.put("file:hashes.'SHA256'", IndicatorType.SHA256);
        paths.put("file:hashes.'SHA1'", IndicatorType.SHA1);
        return Map.copyOf(paths);
    }
}
