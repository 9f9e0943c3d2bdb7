package riposte.symantec.sepm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Parses {@code resultInXML}: the submitted EOC document echoed back with {@code <Matched>} elements appended to
 * each {@code <File>} under {@code EOC/Activity/OS/Files}. Hardened ({@link SecureXml}); tolerant of extra
 * elements, missing attributes and unknown {@code result} values.
 */
final class EocResultParser {
    /** A real result is a few KB per endpoint; anything far larger is not an EOC echo. */
    static final int MAX_LENGTH = 16 * 1024 * 1024;

    private EocResultParser() {}

    static EocResult parse(String xml) {
        if (xml.length() > MAX_LENGTH) throw new SepmProtocolException("EOC result larger than " + MAX_LENGTH + " characters");
        Document doc;
        try {
            doc = SecureXml.parse(xml.strip().getBytes(StandardCharsets.UTF_8));
        } catch (SAXException | IOException e) {
            throw new SepmProtocolException("SEPM sent an EOC result that is not well-formed XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"EOC".equals(localName(root))) {
            throw new SepmProtocolException("SEPM sent an EOC result whose root is <" + localName(root) + ">, not <EOC>");
        }
        List<EocCriterion> criteria = new ArrayList<>();
        NodeList files = root.getElementsByTagName("File");
        for (int i = 0; i < files.getLength(); i++) {
            Element file = (Element) files.item(i);
            if (file.getParentNode() instanceof Element parent && "Files".equals(localName(parent))) {
                criteria.add(criterion(file));
            }
        }
        return new EocResult(text(root, "ScanType"), text(root, "RemediationAction"), criteria);
    }

    private static EocCriterion criterion(Element file) {
        Map<String, String> hashes = new LinkedHashMap<>();
        List<EocMatch> matches = new ArrayList<>();
        for (Node n = file.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            switch (localName(e)) {
                case "Hash" -> {
                    String value = attr(e, "value");
                    if (value != null && !value.isBlank()) hashes.put(upper(attr(e, "name")), value.strip().toLowerCase(Locale.ROOT));
                }
                case "Matched" -> matches.add(match(e));
                default -> { }
            }
        }
        return new EocCriterion(attr(file, "name"), hashes, matches);
    }

    private static EocMatch match(Element e) {
        String result = upper(attr(e, "result"));
        String path = attr(e, "value");
        String hashType = attr(e, "hashType") == null ? null : upper(attr(e, "hashType"));
        String hashValue = attr(e, "hashValue");
        if (hashValue != null) hashValue = hashValue.strip().toLowerCase(Locale.ROOT);
        Remediation remediation = Remediation.of(attr(e, "remediation"));
        return switch (result) {
            case "NO_MATCH" -> new EocMatch.NoMatch();
            case "HASH_MATCH" -> new EocMatch.HashMatch(path, hashType, remediation);
            case "FULL_MATCH" -> new EocMatch.FullMatch(path, hashType, hashValue, remediation);
            case "PARTIAL_MATCH" -> new EocMatch.PartialMatch(path, hashType, hashValue, remediation);
            default -> new EocMatch.OtherMatch(result, path, remediation);
        };
    }

    private static String text(Element root, String child) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && child.equals(localName(e))) {
                String t = e.getTextContent().strip();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String localName(Node n) {
        String name = n.getNodeName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }
}
