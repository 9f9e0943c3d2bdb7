package riposte.cli.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import riposte.cli.demo.DemoStory.Artifact;
import riposte.cli.demo.DemoStory.Incident;
import riposte.cli.demo.DemoStory.Indicator;
import riposte.core.enrichment.Related;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Sha256;
import riposte.symantec.sepm.Computer;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.ses.SesClient;

/**
 * Writes the demo's story from what the simulators hold: the malicious file the SEPM simulator has planted on the
 * most endpoints (from the SES population), the hosts holding it (by name, through the SEPM API), the family's
 * domain and IP (SES "related", as {@code riposte intel related --sim} shows them), a phishing URL of the
 * population, and the SES simulator's curated Waterbug records.
 */
final class DemoStoryBuilder {
    static final String WATERBUG_SHA256 = "eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d";
    static final String WATERBUG_DOMAIN = "elblogdeloscachanillas.com.mx";
    static final String WATERBUG_URL = "http://elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png";
    static final String BENIGN_IP = "8.8.8.8";
    /** The demo organisation's mail relay, in its DMZ (the SEPM simulator's endpoints are in 10.0.0.0/16). */
    static final String MAIL_RELAY_IP = "172.16.0.25";
    static final String CVE = "CVE-2023-35311";
    private static final int MAX_HOSTS = 5;
    /** Seeded before the incidents, so that the phishing incident's relay and resolver artifacts are flagged by it. */
    static final List<DemoStory.AllowListEntry> ALLOW_LIST = List.of(
            new DemoStory.AllowListEntry("private", "Our own networks: endpoints, servers and the mail relay"),
            new DemoStory.AllowListEntry(BENIGN_IP, "Google Public DNS: in mail headers and proxy logs all the time,"
                    + " never an indicator"));

    private DemoStoryBuilder() {}

    static DemoStory build(DemoSimulators sims) {
        String hash = mostWidespread(sims);
        List<Computer> computers = computers(sims, hash);
        List<String> hosts = computers.stream().map(Computer::computerName).toList();
        List<String> domains;
        List<String> ips;
        try (SesClient ses = sims.sesClient()) {
            Related related = ses.fileRelated(new Sha256(hash));
            domains = values(related, "domain");
            ips = values(related, "ip");
            if (ips.isEmpty() && !domains.isEmpty()) {
                // the file's own answer names the family IP only sometimes; its domain's answer always does
                ips = values(ses.networkRelated(IndicatorParser.parse(domains.getFirst())), "ip");
            }
        }
        String domain = domains.isEmpty() ? null : domains.getFirst();
        String ip = ips.isEmpty() ? null : ips.getFirst();
        String phishingUrl = sims.ses.population().maliciousUrls(1).getFirst().value();
        String firstHost = hosts.isEmpty() ? "an infected workstation" : hosts.getFirst();

        List<Artifact> backdoor = new ArrayList<>();
        backdoor.add(Artifact.of(hash, "Malicious in SES Threat Intel; found by the SEPM file inventory"));
        for (String h : hosts) backdoor.add(new Artifact("hostname", h, "SEPM endpoint holding the file"));
        if (domain != null) backdoor.add(Artifact.of(domain, "Command-and-control domain of the same family (SES related)"));
        if (ip != null) backdoor.add(Artifact.of(ip, "Command-and-control IP of the same family (SES related)"));

        // the SEP tabs of the backdoor incident: one EOC scan match and one endpoint-details row per host
        List<DemoStory.Row> backdoorRows = new ArrayList<>();
        for (Computer c : computers) backdoorRows.add(eocMatch(c, hash));
        for (Computer c : computers) backdoorRows.add(endpoint(c));
        List<DemoStory.Row> quarantineRows = computers.isEmpty() ? List.of() : List.of(endpoint(computers.getFirst()));

        List<Incident> incidents = List.of(
                new Incident("Backdoor on finance workstations (" + hosts.size() + " endpoints)", "Malware", "HIGH",
                        "SEPM reports the backdoor " + hash + " on " + hosts.size() + " endpoints. SES Threat Intel rates it"
                                + " malicious and relates it to its family's infrastructure.",
                        backdoor,
                        List.of("Triage: `riposte intel lookup " + hash + " --sim` shows the verdict; `riposte intel related "
                                + hash + " --sim` shows the family's domain and IP.",
                                "Scope: `riposte sep scan --sim --all --hash " + hash + " --wait` finds it on the endpoints"
                                        + " listed as artifacts."),
                        backdoorRows),
                new Incident("Waterbug bulletin: hunt for its indicators", "Threat hunt", "MEDIUM",
                        "A threat bulletin attributes these indicators to Waterbug. Hunt for them in proxy logs and on the"
                                + " endpoints; patch the CVE it exploits.",
                        List.of(Artifact.of(WATERBUG_SHA256, "Waterbug backdoor from the bulletin"),
                                Artifact.of(WATERBUG_DOMAIN, "Waterbug watering-hole domain"),
                                Artifact.of(WATERBUG_URL, "Waterbug payload URL"),
                                Artifact.of(CVE, "Exploited vulnerability named in the bulletin")),
                        List.of("`riposte intel lookup " + WATERBUG_SHA256 + " " + WATERBUG_DOMAIN + " --sim` confirms both"
                                + " as malicious."), List.of()),
                new Incident("Phishing URL reported by a user", "Phishing", "MEDIUM",
                        "A user forwarded a mail whose link points at a malicious download.",
                        List.of(Artifact.of(phishingUrl, "Link in the reported mail"),
                                Artifact.of(MAIL_RELAY_IP, "Our mail relay, which delivered the mail (Received header)"),
                                Artifact.of(BENIGN_IP, "Public DNS resolver seen in the mail headers")),
                        List.of("The user did not click. SES rates the URL malicious; `riposte intel lookup "
                                + phishingUrl + " --sim`."), List.of()),
                new Incident("Quarantine request for " + firstHost, "Response", "HIGH",
                        "Network quarantine of " + firstHost + ", which holds the backdoor " + hash + ", until it is"
                                + " cleaned.",
                        List.of(new Artifact("hostname", firstHost.toLowerCase(java.util.Locale.ROOT),
                                        "Endpoint to quarantine"),
                                Artifact.of(hash, "The backdoor on it")),
                        List.of("Requested by the incident owner of the backdoor case. `riposte sep quarantine --sim"
                                + " --computer-name " + firstHost + " --dry-run` shows what would be quarantined."),
                        quarantineRows));

        List<Indicator> indicators = new ArrayList<>();
        indicators.add(new Indicator("sha256", hash, "MALICIOUS", 90, List.of("demo", "backdoor", "sepm-found")));
        if (domain != null) indicators.add(new Indicator("domain", domain, "MALICIOUS", 80, List.of("demo", "c2")));
        if (ip != null) indicators.add(new Indicator("ipv4", ip, "MALICIOUS", 70, List.of("demo", "c2")));
        indicators.add(new Indicator("url", phishingUrl, "MALICIOUS", 80, List.of("demo", "phishing")));
        indicators.add(new Indicator("sha256", WATERBUG_SHA256, "MALICIOUS", 95, List.of("demo", "waterbug", "apt")));
        indicators.add(new Indicator("domain", WATERBUG_DOMAIN, "MALICIOUS", 90, List.of("demo", "waterbug")));
        indicators.add(new Indicator("ipv4", BENIGN_IP, "BENIGN", 100, List.of("demo", "allow-list", "dns")));
        indicators.add(new Indicator("cve", CVE, "SUSPICIOUS", 60, List.of("demo", "waterbug", "patch")));
        return new DemoStory(ALLOW_LIST, incidents, List.copyOf(indicators));
    }

    /** The planted malicious file held by the most endpoints (the lowest hash on ties), as the SEPM simulator has it. */
    static String mostWidespread(DemoSimulators sims) {
        return sims.sepm.maliciousSha256s().stream()
                .max(Comparator.comparingInt((String h) -> sims.sepm.computersHolding(h).size())
                        .thenComparing(Comparator.reverseOrder()))
                .orElseThrow(() -> new IllegalStateException("the SEPM simulator holds no malicious file"));
    }

    private static List<Computer> computers(DemoSimulators sims, String hash) {
        List<String> ids = sims.sepm.computersHolding(hash).stream().sorted().limit(MAX_HOSTS).toList();
        try (SepmClient sepm = sims.sepmClient()) {
            return ids.stream().map(id -> sepm.computer(id).orElse(null))
                    .filter(c -> c != null && c.computerName() != null && !c.computerName().isBlank()).toList();
        }
    }

    /** A row of "Symantec SEP EOC scan results": the file found on the endpoint. */
    private static DemoStory.Row eocMatch(Computer c, String hash) {
        var cells = new java.util.LinkedHashMap<String, Object>();
        cells.put("artifact_value", hash);
        cells.put("artifact_type", "sha256");
        cells.put("scan_type", "QUICK_SCAN");
        cells.put("scan_command_state", "Completed");
        cells.put("match_count", 1);
        cells.put("computer_name", c.computerName());
        cells.put("computer_id", c.uniqueId());
        cells.put("hash_value", hash);
        return new DemoStory.Row("sep_eoc_scan_results", cells);
    }

    /** A row of "Symantec SEP Endpoint details", as SEP - Get Computers gives it. */
    private static DemoStory.Row endpoint(Computer c) {
        var cells = new java.util.LinkedHashMap<String, Object>();
        cells.put("computer_name", c.computerName());
        cells.put("computer_id", c.uniqueId());
        if (c.hardwareKey() != null) cells.put("hardware_key", c.hardwareKey());
        if (c.domainOrWorkgroup() != null) cells.put("domain_name", c.domainOrWorkgroup());
        if (c.group() != null && c.group().name() != null) cells.put("group_name", c.group().name());
        if (c.group() != null && c.group().id() != null) cells.put("group_id", c.group().id());
        if (!c.ipAddresses().isEmpty()) cells.put("ip_addresses", String.join(", ", c.ipAddresses()));
        if (c.operatingSystem() != null) cells.put("operating_system", c.operatingSystem());
        if (c.logonUserName() != null) cells.put("logon_user", c.logonUserName());
        cells.put("online", c.online());
        cells.put("endpoint_quarantine_status", "Un-Quarantined");
        return new DemoStory.Row("sep_endpoint_details", cells);
    }

    private static List<String> values(Related related, String iocType) {
        return related.groups().stream().filter(g -> g.iocType() != null && g.iocType().equalsIgnoreCase(iocType))
                .flatMap(g -> g.iocValues().stream()).distinct().toList();
    }
}
