package riposte.symantec.sepm;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the EOC XML body of {@code POST /command-queue/eoc} with the JDK's DOM (so values are escaped), in the
 * structure fn_sep sends and SEPM echoes: {@code EOC > DataSource, ScanType, [RemediationAction], Threat,
 * Activity > OS > Process, Files > File > Hash, Registry, Network}. One {@code <File>} per hash (named by the path
 * if one was given, else empty) and, for a path, one {@code <File>} with an empty hash, which SEPM answers with
 * path matches ({@code FULL_MATCH}).
 */
final class EocDocument {
    static final String CREATOR = "Riposte";

    private EocDocument() {}

    static String xml(EocRequest request) {
        Document doc = SecureXml.newDocument();
        Element eoc = doc.createElement("EOC");
        eoc.setAttribute("creator", CREATOR);
        eoc.setAttribute("version", "1.0");
        eoc.setAttribute("id", "");
        doc.appendChild(eoc);
        Element source = child(eoc, "DataSource");
        source.setAttribute("name", CREATOR);
        source.setAttribute("id", "");
        source.setAttribute("version", "1.0");
        child(eoc, "ScanType").setTextContent(request.scanType().name());
        if (request.remediate()) child(eoc, "RemediationAction").setTextContent("REMEDIATE");
        Element threat = child(eoc, "Threat");
        for (String a : new String[] {"category", "type", "severity", "time"}) threat.setAttribute(a, "");
        child(threat, "Description").setTextContent(request.description() == null ? "" : request.description());
        child(threat, "Attacker");
        Element os = child(child(eoc, "Activity"), "OS");
        os.setAttribute("id", "1");
        for (String a : new String[] {"name", "version", "patch"}) os.setAttribute(a, "");
        child(os, "Process");
        Element files = child(os, "Files");
        String name = request.filePath() == null ? "" : request.filePath();
        if (request.sha256() != null) file(files, name, "SHA256", request.sha256().value());
        if (request.sha1() != null) file(files, name, "SHA1", request.sha1().value());
        if (request.md5() != null) file(files, name, "MD5", request.md5().value());
        if (request.filePath() != null) file(files, name, "SHA256", "");
        child(os, "Registry");
        child(os, "Network");
        return SecureXml.write(doc);
    }

    private static void file(Element files, String name, String hashType, String value) {
        Element file = child(files, "File");
        file.setAttribute("name", name);
        file.setAttribute("action", "create");
        Element hash = child(file, "Hash");
        hash.setAttribute("name", hashType);
        hash.setAttribute("value", value);
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }
}
