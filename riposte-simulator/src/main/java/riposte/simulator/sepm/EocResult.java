package riposte.simulator.sepm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates EOC criteria against an endpoint's files and writes {@code resultInXML}: the submitted
 * document re-serialised the way SEPM does it (reference §4.3), with {@code <Matched>} elements
 * appended inside each {@code <File>}.
 */
final class EocResult {
    /** Elements written as {@code <X .../>} when empty. */
    private static final Set<String> SELF_CLOSING = Set.of("DataSource", "Hash", "proxy", "Network", "Matched");
    /** Elements written as {@code <X></X>} when empty. */
    private static final Set<String> INLINE_EMPTY = Set.of("URL", "User", "Application", "Description", "ScanType",
            "RemediationAction");
    private static final String INDENT = "    ";

    /** One {@code <Matched>}; null attributes are omitted. */
    record Matched(String result, String value, String remediation, String hashType, String hashValue) {
        static final Matched NO_MATCH = new Matched("NO_MATCH", null, null, null, null);

        boolean isMatch() {
            return !result.equals("NO_MATCH");
        }
    }

    private EocResult() {
    }

    /** The matches of one criterion; {@code [NO_MATCH]} when nothing matches. */
    static List<Matched> evaluate(EocRequest.Criterion criterion, List<InventoryFile> files, boolean remediate) {
        List<Matched> out = new ArrayList<>();
        if (!criterion.hashes().isEmpty()) {
            for (EocRequest.Hash hash : criterion.hashes()) {
                for (InventoryFile file : files) {
                    if (hash.value().equalsIgnoreCase(file.hash(hash.type()))) {
                        String remediation = remediate ? (file.systemProtected() ? "FAILED" : "SUCCEEDED") : null;
                        out.add(new Matched("HASH_MATCH", file.path(), remediation, hash.type(), null));
                    }
                }
            }
        } else if (criterion.hasPath()) {
            String name = criterion.name().strip();
            boolean fullPath = name.contains("\\") || name.contains("/");
            for (InventoryFile file : files) {
                boolean hit = fullPath ? file.path().equalsIgnoreCase(name) : file.fileName().equalsIgnoreCase(name);
                if (hit) {
                    out.add(new Matched(fullPath ? "FULL_MATCH" : "PARTIAL_MATCH", file.path(),
                            remediate ? "UNSUPPORTED" : null, "SHA256", file.sha256()));
                }
            }
        }
        return out.isEmpty() ? List.of(Matched.NO_MATCH) : out;
    }

    /** Files a remediation removes: hash matches that succeeded. */
    static boolean removes(EocRequest request, InventoryFile file) {
        if (file.systemProtected()) {
            return false;
        }
        for (EocRequest.Criterion criterion : request.criteria()) {
            for (EocRequest.Hash hash : criterion.hashes()) {
                if (hash.value().equalsIgnoreCase(file.hash(hash.type()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code resultInXML} for an endpoint whose files (at completion) are {@code files}. */
    static String write(EocRequest request, List<InventoryFile> files) {
        List<XmlNode> fileNodes = EocRequest.files(request.root());
        Map<XmlNode, List<Matched>> matches = new LinkedHashMap<>();
        for (int i = 0; i < fileNodes.size(); i++) {
            matches.put(fileNodes.get(i), evaluate(request.criteria().get(i), files, request.remediate()));
        }
        StringBuilder out = new StringBuilder(1024);
        element(out, request.root(), 0, matches);
        return out.toString().stripTrailing();
    }

    private static void element(StringBuilder out, XmlNode node, int level, Map<XmlNode, List<Matched>> matches) {
        String indent = INDENT.repeat(level);
        out.append(indent).append('<').append(node.name());
        node.attributes().forEach((k, v) -> attribute(out, k, v));
        List<Matched> matched = matches.get(node);
        if (matched != null) {
            out.append(">\n");
            for (XmlNode hash : node.all("Hash")) {
                if (!hash.attribute("value").isBlank()) {
                    out.append(indent).append(INDENT).append("<Hash");
                    hash.attributes().forEach((k, v) ->
                            attribute(out, k, k.equals("value") ? v.strip().toLowerCase(Locale.ROOT) : v));
                    out.append("/>\n");
                }
            }
            for (int i = 0; i < matched.size(); i++) {
                Matched m = matched.get(i);
                out.append(indent).append(INDENT).append("<Matched");
                attribute(out, "result", m.result());
                attribute(out, "value", m.value());
                attribute(out, "remediation", m.remediation());
                attribute(out, "hashType", m.hashType());
                attribute(out, "hashValue", m.hashValue());
                out.append("/>").append(i == matched.size() - 1 ? "</File>\n" : "\n");
            }
            return;
        }
        List<XmlNode> children = node.name().equals("Threat") ? threatChildren(node) : node.children();
        if (!children.isEmpty()) {
            out.append(">\n");
            for (XmlNode child : children) {
                element(out, child, level + 1, matches);
            }
            out.append(indent).append("</").append(node.name()).append(">\n");
        } else if (!node.trimmedText().isEmpty()) {
            out.append('>').append(text(node.trimmedText())).append("</").append(node.name()).append(">\n");
        } else if (SELF_CLOSING.contains(node.name())) {
            out.append("/>\n");
        } else if (INLINE_EMPTY.contains(node.name())) {
            out.append("></").append(node.name()).append(">\n");
        } else {
            out.append(">\n").append(indent).append("</").append(node.name()).append(">\n");
        }
    }

    /** SEPM's echo of Threat always carries Description, URL, User, Attacker, proxy and Application. */
    private static List<XmlNode> threatChildren(XmlNode threat) {
        List<XmlNode> out = new ArrayList<>();
        for (String name : List.of("Description", "URL", "User", "Attacker", "proxy", "Application")) {
            out.add(threat.child(name).orElseGet(() -> new XmlNode(name,
                    name.equals("proxy") ? new LinkedHashMap<>(Map.of("ip", "")) : new LinkedHashMap<>(),
                    List.of(), new StringBuilder())));
        }
        threat.children().stream().filter(c -> out.stream().noneMatch(o -> o.name().equals(c.name()))).forEach(out::add);
        return out;
    }

    private static void attribute(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("=\"").append(XmlNode.escape(value)).append('"');
        }
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
