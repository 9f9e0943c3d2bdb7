package riposte.simulator.sepm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/**
 * A parsed EOC document (reference §3.5): the opaque tree to echo back, plus the criteria the
 * simulator evaluates: one {@link Criterion} per {@code Activity/OS/Files/File}, in document order.
 */
record EocRequest(XmlNode root, String scanType, boolean remediate, List<Criterion> criteria) {

    /** A {@code <File>} criterion: its name (a path, a file name, or a placeholder) and non-empty hashes. */
    record Criterion(String name, List<Hash> hashes) {
        /** Whether the name is a real path or file name rather than fn_sep's "SHA256"/"SHA1"/"MD5"/"" filler. */
        boolean hasPath() {
            return !name.isBlank() && !List.of("SHA256", "SHA1", "MD5").contains(name.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** A {@code <Hash name=".." value=".."/>} with a non-empty value, lower-cased as SEPM echoes it. */
    record Hash(String type, String value) {}

    static EocRequest parse(String xml) throws XMLStreamException {
        XmlNode root = XmlNode.parse(xml);
        if (!root.name().equals("EOC")) {
            throw new XMLStreamException("root element must be EOC, not " + root.name());
        }
        String scanType = root.child("ScanType").map(XmlNode::trimmedText).orElse("QUICK_SCAN");
        boolean remediate = root.child("RemediationAction").map(XmlNode::trimmedText)
                .filter(a -> a.equalsIgnoreCase("REMEDIATE")).isPresent();
        List<Criterion> criteria = new ArrayList<>();
        for (XmlNode file : files(root)) {
            List<Hash> hashes = new ArrayList<>();
            for (XmlNode hash : file.all("Hash")) {
                String value = hash.attribute("value").strip();
                if (!value.isEmpty()) {
                    hashes.add(new Hash(hash.attribute("name").strip().toUpperCase(Locale.ROOT),
                            value.toLowerCase(Locale.ROOT)));
                }
            }
            criteria.add(new Criterion(file.attribute("name"), List.copyOf(hashes)));
        }
        return new EocRequest(root, scanType, remediate, List.copyOf(criteria));
    }

    /** The File elements in document order (the same order the criteria have). */
    static List<XmlNode> files(XmlNode root) {
        List<XmlNode> out = new ArrayList<>();
        root.child("Activity").ifPresent(activity -> activity.all("OS").forEach(os ->
                os.all("Files").forEach(files -> out.addAll(files.all("File")))));
        return out;
    }
}
