package riposte.simulator.sepm;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal XML element tree that keeps attributes in document order (DOM does not), so the EOC
 * document can be echoed back "with attributes kept as sent" (reference §4.3).
 *
 * <p>Parsing uses the JDK StAX reader hardened against XXE: DTDs are refused outright and external
 * entities are disabled.
 */
record XmlNode(String name, Map<String, String> attributes, List<XmlNode> children, StringBuilder text) {

    static XmlNode parse(String xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(stripBom(xml).strip()));
        List<XmlNode> stack = new ArrayList<>();
        XmlNode root = null;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new XMLStreamException("DOCTYPE is not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new XMLStreamException("entity references are not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        XmlNode node = new XmlNode(reader.getLocalName(), attributes, new ArrayList<>(),
                                new StringBuilder());
                        if (stack.isEmpty()) {
                            root = node;
                        } else {
                            stack.getLast().children().add(node);
                        }
                        stack.add(node);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!stack.isEmpty()) {
                            stack.getLast().text().append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.removeLast();
                    default -> { }
                }
            }
        } finally {
            reader.close();
        }
        if (root == null) {
            throw new XMLStreamException("no root element");
        }
        return root;
    }

    private static String stripBom(String xml) {
        return xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
    }

    Optional<XmlNode> child(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).findFirst();
    }

    List<XmlNode> all(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).toList();
    }

    String attribute(String attributeName) {
        return attributes.getOrDefault(attributeName, "");
    }

    String trimmedText() {
        return text.toString().strip();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c < 0x20) {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
