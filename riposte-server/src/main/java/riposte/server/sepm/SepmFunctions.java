package riposte.server.sepm;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.core.playbook.FunctionException;
import riposte.core.playbook.FunctionInvoker;
import riposte.core.playbook.StepError;
import riposte.server.sepm.SepmConnections.Connection;
import riposte.server.system.Sql;
import riposte.symantec.sepm.CommandIds;
import riposte.symantec.sepm.CommandProgress;
import riposte.symantec.sepm.CommandState;
import riposte.symantec.sepm.CommandStatus;
import riposte.symantec.sepm.ComplianceCalculator;
import riposte.symantec.sepm.ComplianceIssue;
import riposte.symantec.sepm.ComplianceThresholds;
import riposte.symantec.sepm.Computer;
import riposte.symantec.sepm.ComputerQuery;
import riposte.symantec.sepm.EndpointCompliance;
import riposte.symantec.sepm.EocRequest;
import riposte.symantec.sepm.FileContent;
import riposte.symantec.sepm.FileSource;
import riposte.symantec.sepm.FingerprintList;
import riposte.symantec.sepm.FingerprintListRequest;
import riposte.symantec.sepm.Group;
import riposte.symantec.sepm.GroupQuery;
import riposte.symantec.sepm.MoveResult;
import riposte.symantec.sepm.Page;
import riposte.symantec.sepm.ScanType;
import riposte.symantec.sepm.SepmApiException;
import riposte.symantec.sepm.SepmAuthenticationException;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.sepm.SepmDomain;
import riposte.symantec.sepm.SepmException;
import riposte.symantec.sepm.SepmInvalidRequestException;
import riposte.symantec.sepm.SepmUnavailableException;
import riposte.symantec.sepm.Targets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code sepm.*} playbook functions of {@link riposte.core.playbook.FunctionCatalog#symantec()} over
 * {@link SepmConnections}. Inputs and outputs are documented in {@code docs/playbooks.md}.
 *
 * <p>Bad input (a value that is not the hash asked for, an unknown group, list or computer, a macOS or Linux endpoint
 * for a Windows-only action) fails permanently before anything is sent. SEPM's 429 and 5xx and lost connections,
 * after the client's retries, fail transiently with SEPM's message; other SEPM errors permanently.
 *
 * <p>Commands (EOC scan, remediation, upload, quarantine) are sent at most once per run step: the intent is recorded
 * in {@link SepmCommandLog} before the request leaves and SEPM's command ids after; a later attempt of the step
 * answers the recorded command ({@code reused: true}). When an attempt was stopped after the request may have left
 * and before the answer was recorded, SEPM cannot be asked which commands it queued (its API lists none), so the step
 * fails permanently saying so rather than risk a second command.
 */
@Component
public class SepmFunctions implements FunctionInvoker {
    private static final List<String> HASH_INPUTS = List.of("hash", "sha256", "sha1", "md5");
    private static final List<String> SCAN_TYPES = List.of("QUICK_SCAN", "FULL_SCAN");
    private static final String WINDOWS_ONLY = "is for Windows endpoints only (the SEP integration guide's support "
            + "notes)";

    private final SepmConnections connections;
    private final SepmCommandLog log;
    private final SepmSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    SepmFunctions(SepmConnections connections, SepmCommandLog log, SepmSettings settings, JsonMapper json, Clock clock) {
        this.connections = connections;
        this.log = log;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> invoke(String function, Map<String, Object> inputs) {
        return invoke(function, inputs, null);
    }

    @Override
    public Map<String, Object> invoke(String function, Map<String, Object> inputs, Call call) {
        SepmInputs in = new SepmInputs(function, inputs == null ? Map.of() : inputs);
        Connection c;
        try {
            c = connections.resolve(in.text("connection"));
        } catch (SepmConnections.SepmConnectionException e) {
            throw new FunctionException(StepError.Kind.PERMANENT, function + ": " + e.getMessage());
        }
        Map<String, Object> out;
        try {
            out = switch (function) {
                case "sepm.eocScan" -> eoc(in, c, call, false);
                case "sepm.remediate" -> eoc(in, c, call, true);
                case "sepm.uploadFile" -> upload(in, c, call);
                case "sepm.fileContent" -> fileContent(in, c);
                case "sepm.computers" -> computers(in, c);
                case "sepm.moveEndpoint" -> move(in, c);
                case "sepm.quarantineEndpoints" -> quarantine(in, c, call);
                case "sepm.fingerprintList" -> fingerprintList(in, c);
                case "sepm.addFingerprintList" -> addFingerprintList(in, c);
                case "sepm.updateFingerprintList" -> updateFingerprintList(in, c);
                case "sepm.deleteFingerprintList" -> deleteFingerprintList(in, c);
                case "sepm.groups" -> groups(in, c);
                case "sepm.assignFingerprintList" -> assign(in, c);
                case "sepm.commandStatus" -> commandStatus(in, c);
                case "sepm.domains" -> domains(c);
                default -> throw new FunctionException(StepError.Kind.PERMANENT, "unknown function " + function);
            };
        } catch (SepmException e) {
            throw failure(function, e);
        } catch (InvalidIndicatorException e) {
            throw in.bad(e.getMessage());
        }
        out.put("connection", c.name());
        return out;
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    private Map<String, Object> eoc(SepmInputs in, Connection c, Call call, boolean remediate) {
        String type = in.choice("scanType", remediate ? "QUICK_SCAN" : null, SCAN_TYPES);
        if (type == null) throw in.bad("needs input 'scanType': QUICK_SCAN or FULL_SCAN");
        ScanType scanType = ScanType.valueOf(type);
        List<String> computers = in.list("computerIds");
        List<String> groups = in.list("groupIds");
        if (computers.isEmpty() && groups.isEmpty()) {
            throw in.bad("needs a target: computerIds and/or groupIds (SEPM ids, 32 hex digits)");
        }
        Targets targets = new Targets(computers, groups, List.of());
        EocRequest.Builder b = EocRequest.scan(scanType, targets).remediate(remediate);
        if (in.text("description") != null) b.description(in.text("description"));
        if (in.text("filePath") != null) b.filePath(in.text("filePath"));
        Hashes h = hashes(in);
        if (h.md5 != null) b.md5(h.md5);
        if (h.sha1 != null) b.sha1(h.sha1);
        if (h.sha256 != null) b.sha256(h.sha256);
        if (remediate && h.none()) {
            throw in.bad("needs a hash (hash, sha256, sha1 or md5): remediation quarantines files by hash");
        }
        EocRequest request = b.build();
        if (!request.hasCriteria()) {
            throw in.bad("needs something to look for: filePath (a path or a file name), hash, sha256, sha1 or md5");
        }
        requireWindows(in, c.client(), computers, remediate ? "remediation" : "an EOC scan");
        Map<String, Object> recorded = new LinkedHashMap<>(in.values());
        return command(in, c, call, recorded, () -> c.client().eocScan(request),
                Map.of("scanType", scanType.name()), targets.computerIds().size() + targets.groupIds().size());
    }

    private Map<String, Object> upload(SepmInputs in, Connection c, Call call) {
        List<String> computers = in.list("computerIds");
        if (computers.isEmpty()) throw in.bad("needs input 'computerIds': the endpoints to upload the file from");
        String path = in.required("filePath", "the path of the file on the endpoint");
        Hashes h = hashes(in);
        if (h.count() > 1) throw in.bad("takes one hash (hash, sha256, sha1 or md5), not " + h.count());
        String hash = h.sha256 != null ? h.sha256 : h.sha1 != null ? h.sha1 : h.md5;
        FileSource source = FileSource.valueOf(in.choice("source", "FILESYSTEM", List.of("FILESYSTEM", "QUARANTINE",
                "BOTH")));
        new Targets(computers, List.of(), List.of()); // ids checked before anything is recorded
        requireWindows(in, c.client(), computers, "an upload");
        return command(in, c, call, new LinkedHashMap<>(in.values()),
                () -> new CommandIds(Map.of("commandID", c.client().uploadFile(computers, path, hash, source))),
                Map.of(), computers.size());
    }

    private Map<String, Object> quarantine(SepmInputs in, Connection c, Call call) {
        boolean undo = in.bool("undo", false);
        Targets targets;
        try {
            targets = new Targets(in.list("computerIds"), in.list("groupIds"), in.list("hardwareKeys"));
        } catch (SepmInvalidRequestException e) {
            throw in.bad(e.getMessage());
        }
        requireWindows(in, c.client(), targets.computerIds(), undo ? "lifting a network quarantine"
                : "a network quarantine");
        for (String key : targets.hardwareKeys()) {
            Computer computer = c.client().computerPage(ComputerQuery.all().withHardwareKey(key).withPageSize(1), 1)
                    .content().stream().findFirst()
                    .orElseThrow(() -> in.bad("found no computer with hardware key " + key + " in SEPM"));
            requireWindows(in, computer, undo ? "lifting a network quarantine" : "a network quarantine");
        }
        Map<String, Object> extra = Map.of("undo", undo);
        return command(in, c, call, new LinkedHashMap<>(in.values()),
                () -> undo ? c.client().undoQuarantine(targets) : c.client().quarantine(targets), extra,
                targets.computerIds().size() + targets.groupIds().size() + targets.hardwareKeys().size());
    }

    /**
     * Sends a command once per run step (see the class comment). {@code request} is what is recorded with the
     * intent: the inputs, which never hold a secret.
     */
    private Map<String, Object> command(SepmInputs in, Connection c, Call call, Map<String, Object> request,
            Supplier<CommandIds> send, Map<String, Object> extra, int targets) {
        boolean durable = call != null && call.runId() != null;
        Long id = null;
        if (durable) {
            Optional<SepmCommandLog.Entry> earlier = log.find(call.runId(), call.stepId());
            if (earlier.isEmpty()) {
                id = log.intend(call.runId(), call.stepId(), in.function(), c.name(), request).orElse(null);
                if (id == null) earlier = log.find(call.runId(), call.stepId());
            }
            if (earlier.isPresent()) return again(in, earlier.get());
        }
        Instant submitted = Sql.now(clock);
        CommandIds ids;
        try {
            ids = send.get();
        } catch (SepmException e) {
            if (id != null) {
                if (certainlyNotSent(e)) {
                    log.notSent(id);
                } else {
                    throw new FunctionException(StepError.Kind.PERMANENT, in.function() + ": SEPM may have queued "
                            + "the command but its answer was lost (" + e.getMessage() + "). It is not sent again, "
                            + "since it could then run twice: look in SEPM's console whether it ran, and start the "
                            + "playbook again if not.");
                }
            }
            throw e;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commandId", ids.forComputers().or(() -> Optional.ofNullable(ids.ids().get("commandID")))
                .or(ids::forGroups).orElse(null));
        out.put("groupCommandId", ids.forComputers().isPresent() || ids.ids().containsKey("commandID")
                ? ids.forGroups().orElse(null) : null);
        out.put("state", "In progress");
        out.put("submittedAt", submitted.toString());
        out.put("reused", false);
        out.put("targets", targets);
        out.putAll(extra);
        if (id != null) log.sent(id, (String) out.get("commandId"), (String) out.get("groupCommandId"), out);
        return out;
    }

    private static Map<String, Object> again(SepmInputs in, SepmCommandLog.Entry earlier) {
        if (!earlier.sent()) {
            throw new FunctionException(StepError.Kind.PERMANENT, in.function() + ": an earlier attempt of this step "
                    + "sent the command to SEPM and was stopped before SEPM's answer was recorded. SEPM's API cannot "
                    + "list the commands it queued, so Riposte does not send it again (it could run twice): look in "
                    + "SEPM's console whether it ran, and start the playbook again if not.");
        }
        Map<String, Object> out = new LinkedHashMap<>(earlier.reply());
        out.put("reused", true);
        out.remove("connection");
        return out;
    }

    /** True when SEPM certainly did not act on the request, so that another attempt may send it. */
    private static boolean certainlyNotSent(SepmException e) {
        return switch (e) {
            case SepmInvalidRequestException i -> true;
            case SepmAuthenticationException a -> true;
            case SepmApiException a -> a.status() < 500 || a.status() == 503;
            case SepmUnavailableException u -> {
                for (Throwable t = u.getCause(); t != null; t = t.getCause()) {
                    if (t instanceof ConnectException || t instanceof UnknownHostException
                            || t instanceof NoRouteToHostException || t instanceof SSLHandshakeException) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }

    private static void requireWindows(SepmInputs in, SepmClient client, List<String> computerIds, String action) {
        for (String id : computerIds) {
            Computer computer = client.computer(id)
                    .orElseThrow(() -> in.bad("found no computer with id " + id + " in SEPM; nothing was sent"));
            requireWindows(in, computer, action);
        }
    }

    private static void requireWindows(SepmInputs in, Computer c, String action) {
        String family = SepmOutputs.osFamily(c);
        if (!family.equals("WINDOWS")) {
            throw in.bad("cannot target " + c.computerName() + " (" + c.uniqueId() + "), which runs "
                    + SepmOutputs.osName(c) + ": " + action + " " + WINDOWS_ONLY + "; nothing was sent");
        }
    }

    /** The hashes of the inputs, each checked against its type; {@code hash} goes where its form says. */
    private record Hashes(String md5, String sha1, String sha256) {
        boolean none() {
            return count() == 0;
        }

        int count() {
            return (md5 == null ? 0 : 1) + (sha1 == null ? 0 : 1) + (sha256 == null ? 0 : 1);
        }
    }

    private static Hashes hashes(SepmInputs in) {
        String md5 = typed(in, "md5", riposte.core.indicator.IndicatorType.MD5);
        String sha1 = typed(in, "sha1", riposte.core.indicator.IndicatorType.SHA1);
        String sha256 = typed(in, "sha256", riposte.core.indicator.IndicatorType.SHA256);
        String any = in.text("hash");
        if (any != null) {
            Indicator h = anyHash(in, "hash", any);
            switch (h.type()) {
                case MD5 -> md5 = same(in, md5, h.value());
                case SHA1 -> sha1 = same(in, sha1, h.value());
                default -> sha256 = same(in, sha256, h.value());
            }
        }
        return new Hashes(md5, sha1, sha256);
    }

    private static String same(SepmInputs in, String given, String hash) {
        if (given != null && !given.equals(hash)) throw in.bad("got two different hashes of one type: " + given
                + " and " + hash);
        return hash;
    }

    private static String typed(SepmInputs in, String name, riposte.core.indicator.IndicatorType type) {
        String v = in.text(name);
        if (v == null) return null;
        try {
            return IndicatorParser.parse(v, type).value();
        } catch (InvalidIndicatorException e) {
            throw in.bad("input '" + name + "' must be a " + type.label() + " hash: " + e.getMessage());
        }
    }

    private static Indicator anyHash(SepmInputs in, String name, String value) {
        Indicator h;
        try {
            h = IndicatorParser.parse(value);
        } catch (InvalidIndicatorException e) {
            throw in.bad("input '" + name + "' must be an MD5, SHA-1 or SHA-256 hash: " + e.getMessage());
        }
        return switch (h.type()) {
            case MD5, SHA1, SHA256 -> h;
            default -> throw in.bad("input '" + name + "' must be an MD5, SHA-1 or SHA-256 hash, not "
                    + h.describe() + " '" + SepmInputs.printable(value) + "'");
        };
    }

    // ---- files ------------------------------------------------------------------------------------------------

    private Map<String, Object> fileContent(SepmInputs in, Connection c) {
        String fileId = in.required("fileId", "the file id of a completed upload (sepm.commandStatus fileId)");
        String expected = in.text("expectedHash");
        if (expected != null) expected = anyHash(in, "expectedHash", expected).value();
        FileContent f = c.client().fileContent(fileId, expected);
        String name = in.text("name");
        if (name != null) {
            String base = name.substring(Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/')) + 1).strip();
            name = base.isEmpty() ? null : base;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fileId", f.fileId());
        out.put("name", name != null ? name : f.sha256() + ".bin");
        out.put("base64", f.base64());
        out.put("size", f.size());
        out.put("sha256", f.sha256());
        out.put("sha1", f.sha1());
        out.put("md5", f.md5());
        out.put("contentType", "application/octet-stream");
        return out;
    }

    // ---- endpoints --------------------------------------------------------------------------------------------

    private Map<String, Object> computers(SepmInputs in, Connection c) {
        String mode = in.choice("mode", "details", List.of("details", "statusSummary", "nonCompliant"));
        int limit = in.integer("limit", 200, 1, 100_000);
        ComputerQuery q = ComputerQuery.all();
        if (in.text("computerName") != null) q = q.withComputerName(in.text("computerName"));
        if (in.text("hardwareKey") != null) q = q.withHardwareKey(in.text("hardwareKey"));
        if (in.text("domain") != null) q = q.withDomain(domainId(in, c.client(), in.text("domain")).id());
        if (!in.list("os").isEmpty()) q = q.withOs(in.list("os"));
        if (in.text("lastUpdate") != null) q = q.withLastUpdate(in.longValue("lastUpdate", 0));
        if (in.text("order") != null) q = q.withOrder(in.choice("order", "ASC", List.of("ASC", "DESC")));
        if (in.text("sort") != null) q = q.withSort(in.text("sort"));
        List<String> ids = in.list("computerIds");
        String ip = in.text("ipAddress");
        Stream<Computer> all;
        if (!ids.isEmpty()) {
            all = ids.stream().map(id -> c.client().computer(id)).flatMap(Optional::stream);
        } else if (in.text("domain") != null || in.text("hardwareKey") != null) {
            all = c.client().computers(q);
        } else {
            // SEPM searches the administrator's domain unless told another: ask each domain, as Splunk's app does.
            ComputerQuery query = q;
            List<SepmDomain> domains = c.client().domains();
            all = domains.size() <= 1 ? c.client().computers(q)
                    : domains.stream().flatMap(d -> c.client().computers(query.withDomain(d.id())));
        }
        if (ip != null) all = all.filter(x -> x.ipAddresses().contains(ip) || ip.equals(x.lastConnectedIpAddr()));
        ComplianceCalculator calculator = new ComplianceCalculator(ComplianceThresholds.defaults(), clock);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode);
        List<Map<String, Object>> endpoints = new ArrayList<>();
        long[] total = new long[1];
        if (mode.equals("statusSummary")) {
            long[] counts = new long[4]; // non-compliant, online, offline, out of date
            Map<ComplianceIssue, Long> byIssue = new EnumMap<>(ComplianceIssue.class);
            try (Stream<Computer> s = all) {
                s.forEach(x -> {
                    EndpointCompliance e = calculator.evaluate(x);
                    total[0]++;
                    if (!e.compliant()) counts[0]++;
                    if (x.online()) counts[1]++;
                    else counts[2]++;
                    if (e.issues().contains(ComplianceIssue.OUT_OF_DATE)) counts[3]++;
                    e.issues().forEach(i -> byIssue.merge(i, 1L, Long::sum));
                });
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("queryTime", Sql.now(clock).toString());
            summary.put("totalEndpoints", total[0]);
            summary.put("compliant", total[0] - counts[0]);
            summary.put("nonCompliant", counts[0]);
            summary.put("online", counts[1]);
            summary.put("offline", counts[2]);
            summary.put("definitionsOutOfDate", counts[3]);
            Map<String, Object> issues = new LinkedHashMap<>();
            byIssue.forEach((k, v) -> issues.put(k.name(), v));
            summary.put("byIssue", issues);
            out.put("summary", summary);
        } else {
            boolean onlyBad = mode.equals("nonCompliant");
            try (Stream<Computer> s = all) {
                s.forEach(x -> {
                    EndpointCompliance e = calculator.evaluate(x);
                    if (onlyBad && e.compliant()) return;
                    total[0]++;
                    if (endpoints.size() < limit) endpoints.add(SepmOutputs.endpoint(x, e));
                });
            }
            out.put("summary", null);
        }
        out.put("endpoints", endpoints);
        out.put("count", endpoints.size());
        out.put("total", total[0]);
        out.put("truncated", total[0] > endpoints.size() && !mode.equals("statusSummary"));
        out.put("found", mode.equals("statusSummary") ? total[0] > 0 : !endpoints.isEmpty());
        return out;
    }

    private Map<String, Object> move(SepmInputs in, Connection c) {
        SepmClient sepm = c.client();
        Group group = group(in, sepm);
        List<Computer> computers = new ArrayList<>();
        for (String key : in.list("hardwareKeys")) {
            computers.add(sepm.computerPage(ComputerQuery.all().withHardwareKey(key).withPageSize(1), 1).content()
                    .stream().findFirst()
                    .orElseThrow(() -> in.bad("found no computer with hardware key " + key + " in SEPM")));
        }
        for (String id : in.list("computerIds")) {
            computers.add(sepm.computer(id).orElseThrow(() -> in.bad("found no computer with id " + id + " in SEPM")));
        }
        if (computers.isEmpty()) throw in.bad("needs the endpoints to move: hardwareKeys or computerIds");
        String groupDomain = group.domain() == null ? null : group.domain().id();
        for (Computer x : computers) {
            String domain = x.group() == null || x.group().domain() == null ? null : x.group().domain().id();
            if (groupDomain != null && domain != null && !groupDomain.equalsIgnoreCase(domain)) {
                throw in.bad("cannot move " + x.computerName() + " to " + path(group) + ": endpoints cannot be moved "
                        + "between SEP domains (" + x.group().domain().name() + " → " + group.domain().name()
                        + "); nothing was moved");
            }
        }
        List<String> keys = computers.stream().map(Computer::hardwareKey).distinct().toList();
        List<MoveResult> results = sepm.moveComputers(group.id(), keys);
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean all = true;
        for (MoveResult r : results) {
            boolean moved = "200".equals(r.responseCode());
            all &= moved;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hardwareKey", r.hardwareKey());
            m.put("moved", moved);
            m.put("responseCode", r.responseCode());
            m.put("message", r.responseMessage());
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("moved", all);
        out.put("results", rows);
        out.put("groupId", group.id());
        out.put("groupName", path(group));
        return out;
    }

    private static String path(Group g) {
        return g.fullPathName() != null && !g.fullPathName().isBlank() ? g.fullPathName() : g.name();
    }

    /** The group of {@code groupId} or {@code groupPath}; an unknown one is bad input. */
    private static Group group(SepmInputs in, SepmClient sepm) {
        String id = in.text("groupId");
        String pathName = in.text("groupPath");
        if (id != null) {
            return sepm.group(id).orElseThrow(() -> in.bad("found no group with id " + id + " in SEPM"));
        }
        if (pathName == null) throw in.bad("needs the target group: groupId or groupPath (e.g. My Company\\Quarantine)");
        try (Stream<Group> groups = sepm.groups(GroupQuery.all())) {
            List<Group> all = groups.toList();
            return all.stream().filter(g -> pathName.equalsIgnoreCase(path(g))).findFirst()
                    .orElseThrow(() -> in.bad("found no group '" + SepmInputs.printable(pathName) + "' in SEPM; "
                            + "groups: " + String.join(", ", all.stream().limit(20).map(SepmFunctions::path)
                            .toList()) + (all.size() > 20 ? ", …" : "")));
        }
    }

    // ---- fingerprint lists ------------------------------------------------------------------------------------

    /** The domain named by id or name; an unknown one is bad input. */
    private static SepmDomain domainId(SepmInputs in, SepmClient sepm, String idOrName) {
        List<SepmDomain> all = sepm.domains();
        return all.stream().filter(d -> idOrName.equalsIgnoreCase(d.id()) || idOrName.equalsIgnoreCase(d.name()))
                .findFirst().orElseThrow(() -> in.bad("found no SEPM domain '" + SepmInputs.printable(idOrName)
                        + "'; domains: " + String.join(", ", all.stream().map(SepmDomain::name).toList())));
    }

    /** The list's domain: {@code domainId} or {@code domain} (id or name), else the administrator's. */
    private static SepmDomain listDomain(SepmInputs in, SepmClient sepm) {
        String given = in.text("domainId") != null ? in.text("domainId") : in.text("domain");
        if (given != null) return domainId(in, sepm, given);
        String id = sepm.defaultDomainId();
        return sepm.domains().stream().filter(d -> id.equalsIgnoreCase(d.id())).findFirst()
                .orElse(new SepmDomain(id, null, null, null, null, null, null, null));
    }

    private static Optional<FingerprintList> findList(SepmInputs in, SepmClient sepm, SepmDomain domain) {
        String id = in.text("fingerprintListId");
        if (id != null) return sepm.fingerprintList(id);
        String name = in.text("fingerprintListName");
        if (name == null) throw in.bad("needs the list: fingerprintListId, or fingerprintListName (with domain)");
        return sepm.fingerprintListByName(name, domain.id());
    }

    private Map<String, Object> fingerprintList(SepmInputs in, Connection c) {
        SepmDomain domain = listDomain(in, c.client());
        FingerprintList list = findList(in, c.client(), domain).orElse(null);
        return SepmOutputs.fingerprintList(list, domain.id(), domain.name());
    }

    private Map<String, Object> addFingerprintList(SepmInputs in, Connection c) {
        String name = in.required("fingerprintListName", "the name of the new list");
        List<String> hashes = in.list("hashes");
        if (hashes.isEmpty()) throw in.bad("needs input 'hashes': MD5 and/or SHA-256 hashes");
        SepmDomain domain = listDomain(in, c.client());
        FingerprintListRequest request = FingerprintListRequest.of(name, in.text("description"), domain.id(),
                listHashes(in, hashes));
        String id = c.client().createFingerprintList(request);
        Map<String, Object> out = SepmOutputs.fingerprintList(c.client().fingerprintList(id).orElse(null), domain.id(),
                domain.name());
        out.put("fingerprintListId", id);
        out.put("created", true);
        return out;
    }

    private Map<String, Object> updateFingerprintList(SepmInputs in, Connection c) {
        SepmClient sepm = c.client();
        SepmDomain domain = listDomain(in, sepm);
        FingerprintList list = findList(in, sepm, domain).orElseThrow(() -> in.bad("found no fingerprint list "
                + (in.text("fingerprintListId") != null ? "with id " + in.text("fingerprintListId")
                        : "named '" + in.text("fingerprintListName") + "' in domain " + domain.name())));
        List<String> before = list.fingerprints().stream().map(f -> f.value()).distinct().toList();
        LinkedHashSet<String> after = new LinkedHashSet<>(in.values().get("hashes") != null
                ? listHashes(in, in.list("hashes")) : before);
        List<String> add = listHashes(in, in.list("addHashes"));
        List<String> remove = listHashes(in, in.list("removeHashes"));
        after.addAll(add);
        remove.forEach(after::remove);
        List<String> added = after.stream().filter(h -> !before.contains(h)).toList();
        List<String> removed = before.stream().filter(h -> !after.contains(h)).toList();
        Map<String, Object> out;
        boolean deleted = false;
        if (after.isEmpty()) {
            if (!in.bool("deleteWhenEmpty", false)) {
                throw in.bad("would leave list '" + list.name() + "' empty, which SEPM refuses: set deleteWhenEmpty "
                        + "to delete the list instead, or use sepm.deleteFingerprintList; nothing was changed");
            }
            sepm.deleteFingerprintList(list.id());
            deleted = true;
            out = SepmOutputs.fingerprintList(list, domain.id(), domain.name());
            out.put("hashes", List.of());
            out.put("hashesText", "");
            out.put("hashCount", 0);
        } else {
            if (!added.isEmpty() || !removed.isEmpty() || in.text("description") != null) {
                String description = in.text("description") != null ? in.text("description") : list.description();
                sepm.replaceFingerprintList(list.id(), FingerprintListRequest.of(list.name(), description, domain.id(),
                        List.copyOf(after)));
            }
            out = SepmOutputs.fingerprintList(sepm.fingerprintList(list.id()).orElse(list), domain.id(),
                    domain.name());
        }
        out.put("added", added);
        out.put("removed", removed);
        out.put("deleted", deleted);
        return out;
    }

    /** Each hash checked: MD5 or SHA-256, the two SEPM fingerprint lists take. */
    private static List<String> listHashes(SepmInputs in, List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            Indicator h = anyHash(in, "hashes", v);
            if (h.type() == riposte.core.indicator.IndicatorType.SHA1) {
                throw in.bad("fingerprint lists take MD5 and SHA-256 hashes, not the SHA-1 " + h.value());
            }
            if (!out.contains(h.value())) out.add(h.value());
        }
        return out;
    }

    private Map<String, Object> deleteFingerprintList(SepmInputs in, Connection c) {
        String id = in.required("fingerprintListId", "the id of the list to delete");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deleted", c.client().deleteFingerprintList(id));
        out.put("fingerprintListId", id);
        return out;
    }

    private Map<String, Object> assign(SepmInputs in, Connection c) {
        SepmClient sepm = c.client();
        String groupId = in.required("groupId", "the id of the lockdown group");
        String listId = in.required("fingerprintListId", "the id of the fingerprint list");
        Group group = sepm.group(groupId).orElseThrow(() -> in.bad("found no group with id " + groupId + " in SEPM"));
        if (Boolean.TRUE.equals(group.policyInheritanceEnabled())) {
            throw in.bad("cannot assign a list to " + path(group) + ": the group inherits its policies; system "
                    + "lockdown needs a group with policy inheritance off (the guide's support notes)");
        }
        if (sepm.fingerprintList(listId).isEmpty()) throw in.bad("found no fingerprint list with id " + listId);
        sepm.assignLockdown(groupId, listId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("assigned", true);
        out.put("groupId", group.id());
        out.put("groupName", path(group));
        out.put("fingerprintListId", listId);
        return out;
    }

    private Map<String, Object> groups(SepmInputs in, Connection c) {
        int limit = in.integer("limit", 1000, 1, 100_000);
        GroupQuery q = GroupQuery.all();
        String domain = in.text("domainId") != null ? in.text("domainId") : in.text("domain");
        if (domain != null) q = q.withDomain(domainId(in, c.client(), domain).id());
        if (in.text("fullPathName") != null) q = q.withFullPathName(in.text("fullPathName"));
        boolean tree = in.choice("mode", "list", List.of("list", "tree")).equals("tree");
        if (tree) q = q.asTree();
        List<Map<String, Object>> groups = new ArrayList<>();
        long[] total = new long[1];
        try (Stream<Group> s = c.client().groups(q)) {
            s.flatMap(g -> tree ? flatten(g) : Stream.of(g)).forEach(g -> {
                total[0]++;
                if (groups.size() < limit) groups.add(SepmOutputs.group(g));
            });
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groups", groups);
        out.put("count", groups.size());
        out.put("truncated", total[0] > groups.size());
        return out;
    }

    private static Stream<Group> flatten(Group g) {
        return Stream.concat(Stream.of(g), g.childGroups().stream().flatMap(SepmFunctions::flatten));
    }

    private Map<String, Object> domains(Connection c) {
        List<Map<String, Object>> domains = c.client().domains().stream().map(SepmOutputs::domain).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("domains", domains);
        out.put("count", domains.size());
        return out;
    }

    // ---- command status ---------------------------------------------------------------------------------------

    private Map<String, Object> commandStatus(SepmInputs in, Connection c) {
        String commandId = in.required("commandId", "a SEPM command id");
        int limit = in.integer("resultsLimit", settings.resultsLimit(), 0, 1_000_000);
        Duration timeout = Duration.ofSeconds(in.integer("timeoutSeconds", (int) settings.scanTimeout().toSeconds(),
                1, Integer.MAX_VALUE));
        Instant submitted = submittedAt(in, commandId);
        List<CommandStatus> rows;
        if (in.text("pageIndex") != null || in.text("pageSize") != null) {
            Page<CommandStatus> page = c.client().commandStatusPage(commandId, in.integer("pageIndex", 1, 1,
                    Integer.MAX_VALUE), in.integer("pageSize", 20, 1, 10_000));
            rows = page.content();
        } else {
            try (Stream<CommandStatus> s = c.client().commandStatus(commandId)) {
                rows = s.toList();
            }
        }
        CommandProgress progress = CommandProgress.of(rows, submitted, timeout, clock.instant());
        List<Map<String, Object>> endpoints = new ArrayList<>();
        List<Map<String, Object>> allMatches = new ArrayList<>();
        List<String> fileIds = new ArrayList<>();
        for (CommandStatus row : rows) {
            List<Map<String, Object>> matches = row.eocResult().map(r -> SepmOutputs.matches(row, r)).orElse(List.of());
            allMatches.addAll(matches);
            row.fileId().filter(f -> row.state() == CommandState.COMPLETED).ifPresent(fileIds::add);
            if (endpoints.size() < Math.max(limit, 1)) endpoints.add(SepmOutputs.commandEndpoint(row, matches.size()));
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        for (CommandState s : CommandState.values()) if (progress.count(s) > 0) counts.put(s.label(), progress.count(s));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", switch (progress.overall()) {
            case WAITING, IN_PROGRESS -> "In progress";
            case COMPLETED -> "Completed";
            case FINISHED_WITH_FAILURES -> progress.count(CommandState.COMPLETED) > 0 ? "Completed" : "Failed";
            case TIMED_OUT -> "Failed";
        });
        out.put("overall", progress.overall().name());
        out.put("complete", progress.overall().terminal());
        out.put("timedOut", progress.overall() == CommandProgress.Overall.TIMED_OUT);
        out.put("endpointCount", rows.size());
        out.put("counts", counts);
        out.put("endpoints", endpoints);
        out.put("matches", allMatches.size() > limit ? List.copyOf(allMatches.subList(0, limit)) : allMatches);
        out.put("matchCount", allMatches.size());
        out.put("truncated", allMatches.size() > limit || rows.size() > endpoints.size());
        out.put("fileId", fileIds.isEmpty() ? null : fileIds.getFirst());
        out.put("fileIds", fileIds);
        out.put("csv", allMatches.isEmpty() ? csv(rows.stream().map(r -> SepmOutputs.commandEndpoint(r, 0)).toList())
                : csv(allMatches));
        out.put("raw", json.writeValueAsString(rows.size() > endpoints.size() ? rows.subList(0, endpoints.size())
                : rows));
        return out;
    }

    /** {@code submittedAt}, else when this server sent the command, else now (it then never times out here). */
    private Instant submittedAt(SepmInputs in, String commandId) {
        String s = in.text("submittedAt");
        if (s != null) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                throw in.bad("input 'submittedAt' must be an ISO-8601 time such as 2024-05-01T10:15:30Z");
            }
        }
        return log.sentAt(commandId).orElse(clock.instant());
    }

    private static String csv(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return "";
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                .setHeader(rows.getFirst().keySet().toArray(String[]::new)).get())) {
            for (Map<String, Object> r : rows) p.printRecord(r.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static FunctionException failure(String function, SepmException e) {
        return new FunctionException(e.retriable() ? StepError.Kind.TRANSIENT : StepError.Kind.PERMANENT,
                function + " failed: " + e.getMessage());
    }
}
