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
        return new FunctionCatalog(List.of(
                read("ses.fileInsight", "File Insight for a SHA-256", "sha256", INSIGHT_OUTPUTS),
                read("ses.fileRelated", "Files and network indicators related to a SHA-256", "sha256", RELATED_OUTPUTS),
                read("ses.fileProtection", "Protection state of a SHA-256", "sha256", PROTECTION_OUTPUTS),
                read("ses.processChain", "Process lineage of a SHA-256", "sha256", ses("lineage", "lineages")),
                read("ses.networkInsight", "Network Insight for a domain, IP or URL", "value", INSIGHT_OUTPUTS),
                read("ses.networkRelated", "Files related to a domain, IP or URL", "value", RELATED_OUTPUTS),
                read("ses.networkProtection", "Protection state of a domain, IP or URL", "value", PROTECTION_OUTPUTS),
                read("ses.networkHistory", "Risk and category history of a domain or IP", "value",
                        ses("entries")),
                read("ses.cveProtection", "Protection state for a CVE", "cve", PROTECTION_OUTPUTS),
                new FunctionSpec("sepm.eocScan", "Starts an evidence-of-compromise scan",
                        Set.of("scanType"), Set.of("computerIds", "groupIds", "filePath", "sha256", "sha1", "md5",
                                "description"), List.of("commandId", "state"), false),
                new FunctionSpec("sepm.remediate", "Quarantines a file by hash on endpoints",
                        Set.of("computerIds"), Set.of("sha256", "sha1", "md5", "filePath", "description"),
                        List.of("commandId", "state"), true),
                new FunctionSpec("sepm.quarantineEndpoints", "Adds endpoints to (or, with undo, removes them from) "
                        + "network quarantine", Set.of(), Set.of("computerIds", "groupIds", "undo"),
                        List.of("commandId", "state"), true),
                new FunctionSpec("sepm.commandStatus", "The state of a SEPM command, per endpoint",
                        Set.of("commandId"), Set.of("statusType", "pageIndex", "pageSize"),
                        List.of("state", "complete", "endpoints", "matches", "raw"), false)));
    }

    private static List<String> ses(String... outputs) {
        List<String> all = new java.util.ArrayList<>(List.of(outputs));
        all.addAll(PROVENANCE);
        return List.copyOf(all);
    }

    private static FunctionSpec read(String name, String description, String input, List<String> outputs) {
        return new FunctionSpec(name, description, Set.of(input), Set.of(), outputs, false);
    }
}
