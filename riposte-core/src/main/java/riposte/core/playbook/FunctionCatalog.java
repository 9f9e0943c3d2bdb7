package riposte.core.playbook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions playbooks may call, by name. The validator checks every {@code call} and {@code poll} step against
 * it; the implementations are wired elsewhere (see {@link FunctionInvoker}).
 *
 * <pre>{@code
 * FunctionCatalog catalog = FunctionCatalog.symantec();
 * catalog.find("ses.fileInsight").orElseThrow().requiredInputs(); // [sha256]
 * }</pre>
 */
public final class FunctionCatalog {
    /**
     * Every {@code ses.*} function also returns where its answer came from: {@code found} (false when Symantec knows
     * nothing about the indicator), {@code cached} (answered from Riposte's cache), {@code fetchedAt} (ISO-8601) and
     * {@code ageSeconds}.
     */
    private static final List<String> PROVENANCE = List.of("raw", "found", "cached", "fetchedAt", "ageSeconds");
    private static final List<String> INSIGHT_OUTPUTS = ses("reputation", "prevalence", "firstSeen", "lastSeen",
            "targetCountries", "targetIndustries", "actors", "riskLevel", "categories");
    private static final List<String> RELATED_OUTPUTS = ses("files", "domains", "ips", "urls", "groups");
    private static final List<String> PROTECTION_OUTPUTS = ses("protected", "detections", "state");

    private static final List<String> FINGERPRINT_LIST = sepmOut("found", "fingerprintListId", "fingerprintListName",
            "description", "domainId", "domainName", "hashType", "hashes", "hashesText", "hashCount", "groupIds",
            "lockdownGroups", "source");

    private final Map<String, FunctionSpec> functions;

    public FunctionCatalog(Collection<FunctionSpec> functions) {
        Map<String, FunctionSpec> byName = new LinkedHashMap<>();
        for (FunctionSpec f : functions) {
            if (byName.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("duplicate function " + f.name());
            }
        }
        this.functions = java.util.Collections.unmodifiableMap(byName);
    }

    public Optional<FunctionSpec> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** The function names, in catalogue order. */
    public Set<String> names() {
        return functions.keySet();
    }

    /** A catalogue with these functions added (replacing none: names must be new). */
    public FunctionCatalog with(Collection<FunctionSpec> more) {
        List<FunctionSpec> all = new java.util.ArrayList<>(functions.values());
        all.addAll(more);
        return new FunctionCatalog(all);
    }

    /**
     * The Symantec functions: {@code ses.*} (Threat Intelligence, read-only) and {@code sepm.*} (endpoint
     * protection manager; quarantine and remediation are destructive).
     */
    public static FunctionCatalog symantec() {
        List<FunctionSpec> all = new java.util.ArrayList<>(List.of(
                read("ses.fileInsight", "File Insight for a SHA-256", "sha256", INSIGHT_OUTPUTS),
                read("ses.fileRelated", "Files and network indicators related to a SHA-256", "sha256", RELATED_OUTPUTS),
                read("ses.fileProtection", "Protection state of a SHA-256", "sha256", PROTECTION_OUTPUTS),
                read("ses.processChain", "Process lineage of a SHA-256", "sha256", ses("lineage", "lineages")),
                read("ses.networkInsight", "Network Insight for a domain, IP or URL", "value", INSIGHT_OUTPUTS),
                read("ses.networkRelated", "Files related to a domain, IP or URL", "value", RELATED_OUTPUTS),
                read("ses.networkProtection", "Protection state of a domain, IP or URL", "value", PROTECTION_OUTPUTS),
                read("ses.networkHistory", "Risk and category history of a domain or IP", "value",
                        ses("entries")),
                read("ses.cveProtection", "Protection state for a CVE", "cve", PROTECTION_OUTPUTS)));
        all.addAll(sepm());
        return new FunctionCatalog(all);
    }

    /**
     * The fourteen functions of the SEP integration guide (section 5). Every one takes an optional
     * {@code connection} (the SEPM credential's name; required only when several are configured) and answers
     * {@code connection} (the name used). Lists of ids or hashes accept a list or one comma-separated string.
     * Commands ({@code eocScan}, {@code remediate}, {@code uploadFile}, {@code quarantineEndpoints}) are sent at
     * most once per run step: {@code reused} is true when the command id came from Riposte's record of an earlier
     * attempt instead of a new send. Keys of the maps in list outputs are documented in {@code docs/playbooks.md}.
     */
    private static List<FunctionSpec> sepm() {
        List<String> command = sepmOut("commandId", "groupCommandId", "state", "submittedAt", "reused", "targets");
        List<String> hashCriteria = List.of("filePath", "hash", "sha256", "sha1", "md5", "description");
        return List.of(
                sepm("sepm.eocScan", "SEP - Scan Endpoints: starts an evidence-of-compromise scan (Windows endpoints) "
                        + "for a file path or name, MD5, SHA-1 or SHA-256", Set.of("scanType"),
                        with(hashCriteria, "computerIds", "groupIds"), with(command, "scanType"), false),
                sepm("sepm.remediate", "SEP - Scan Endpoints with the remediate action: quarantines every file with "
                        + "the hash on the endpoints (Windows endpoints)", Set.of("computerIds"),
                        with(hashCriteria, "scanType", "groupIds"), with(command, "scanType"), true),
                sepm("sepm.uploadFile", "SEP - Upload File to SEPM: asks endpoints (Windows) to upload a file to SEPM",
                        Set.of("computerIds", "filePath"), Set.of("hash", "sha256", "sha1", "md5", "source"),
                        command, false),
                sepm("sepm.fileContent", "SEP - Get File Content as Base64: an uploaded file, decoded and hash-checked",
                        Set.of("fileId"), Set.of("expectedHash", "name"),
                        sepmOut("fileId", "name", "base64", "size", "sha256", "sha1", "md5", "contentType"), false),
                sepm("sepm.computers", "SEP - Get Computers: endpoint details by name (wildcard *), ids, hardware "
                        + "key or IP; or the status summary; or the non-compliant endpoints' details",
                        Set.of(), Set.of("mode", "computerName", "computerIds", "hardwareKey", "ipAddress", "domain",
                                "os", "lastUpdate", "order", "sort", "limit"),
                        sepmOut("mode", "endpoints", "count", "total", "truncated", "found", "summary"), false),
                sepm("sepm.moveEndpoint", "SEP - Move endpoint: moves endpoints (by hardware key or computer id) to "
                        + "a group of the same domain", Set.of(), Set.of("hardwareKeys", "computerIds", "groupId",
                        "groupPath"), sepmOut("moved", "results", "groupId", "groupName"), true),
                sepm("sepm.quarantineEndpoints", "SEP - Quarantine Endpoints: adds Windows endpoints to (or, with "
                        + "undo, removes them from) network quarantine", Set.of(),
                        Set.of("computerIds", "groupIds", "hardwareKeys", "undo"), with(command, "undo"), true),
                sepm("sepm.fingerprintList", "SEP - Get Fingerprint List: a fingerprint list (blacklist) by id or "
                        + "by name in a domain", Set.of(), Set.of("fingerprintListId", "fingerprintListName",
                        "domainId", "domain"), FINGERPRINT_LIST, false),
                sepm("sepm.addFingerprintList", "SEP - Add Fingerprint List: creates a list with MD5 and/or SHA-256 "
                        + "hashes", Set.of("fingerprintListName", "hashes"), Set.of("description", "domainId",
                        "domain"), with(FINGERPRINT_LIST, "created"), true),
                sepm("sepm.updateFingerprintList", "SEP - Update Fingerprint List: adds and/or removes MD5 and "
                        + "SHA-256 hashes, or replaces them all; deletes the list when it would be empty and "
                        + "deleteWhenEmpty is true", Set.of(), Set.of("fingerprintListId", "fingerprintListName",
                        "domainId", "domain", "description", "hashes", "addHashes", "removeHashes",
                        "deleteWhenEmpty"), with(FINGERPRINT_LIST, "added", "removed", "deleted"), true),
                sepm("sepm.deleteFingerprintList", "SEP - Delete Fingerprint List (also unassigns it from groups)",
                        Set.of("fingerprintListId"), Set.of(), sepmOut("deleted", "fingerprintListId"), true),
                sepm("sepm.groups", "SEP - Get Groups: the groups of a domain", Set.of(),
                        Set.of("domain", "domainId", "fullPathName", "mode", "order", "sort", "limit"),
                        sepmOut("groups", "count", "truncated"), false),
                sepm("sepm.assignFingerprintList", "SEP - Assign Fingerprint List to Group: system lockdown with the "
                        + "list on a group whose policy inheritance is off", Set.of("groupId", "fingerprintListId"),
                        Set.of(), sepmOut("assigned", "groupId", "groupName", "fingerprintListId"), true),
                sepm("sepm.commandStatus", "SEP - Get Command Status: a command's state over all its endpoints, "
                        + "with EOC matches, remediation results and uploaded file ids", Set.of("commandId"),
                        Set.of("statusType", "submittedAt", "timeoutSeconds", "resultsLimit", "pageIndex",
                                "pageSize"),
                        sepmOut("state", "overall", "complete", "timedOut", "endpointCount", "counts", "endpoints",
                                "matches", "matchCount", "truncated", "fileId", "fileIds", "csv", "raw"), false),
                sepm("sepm.domains", "SEP - Get Domains: every domain the administrator can see", Set.of(),
                        Set.of(), sepmOut("domains", "count"), false));
    }

    private static List<String> ses(String... outputs) {
        List<String> all = new java.util.ArrayList<>(List.of(outputs));
        all.addAll(PROVENANCE);
        return List.copyOf(all);
    }

    private static List<String> sepmOut(String... outputs) {
        return with(List.of(outputs), "connection");
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private static FunctionSpec sepm(String name, String description, Set<String> required, Collection<String> optional,
            List<String> outputs, boolean destructive) {
        Set<String> inputs = new java.util.LinkedHashSet<>(optional);
        inputs.add("connection");
        return new FunctionSpec(name, description, required, inputs, outputs, destructive);
    }

    private static FunctionSpec read(String name, String description, String input, List<String> outputs) {
        return new FunctionSpec(name, description, Set.of(input), Set.of(), outputs, false);
    }
}
