package riposte.symantec.sepm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import riposte.core.indicator.IndicatorParser;
import tools.jackson.databind.JavaType;

/**
 * Client for the SEPM REST API ({@code https://<host>:8446/sepm/api/v1}), immutable and thread-safe; one method
 * per vendor endpoint, each returning records. Build one, share it, close it (which logs out):
 *
 * <pre>{@code
 * try (SepmClient sepm = SepmClient.builder()
 *         .baseUrl(URI.create("https://sepm.example:8446"))
 *         .credentials("admin", password, "")
 *         .trustedCertificates(Path.of("sepm.pem"))
 *         .build()) {
 *     sepm.computers(ComputerQuery.all().withComputerName("WIN-*")).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Calls go through: redacting logger → rate governor → retry with jitter honouring {@code Retry-After}
 * (429 always; 5xx and transport failures only for calls that are safe to repeat) → bearer token (one
 * re-authentication and retry on 401) → transport. Failures are {@link SepmException}s: authentication (exit 3),
 * {@link SepmApiException} with SEPM's {@code errorCode}/{@code appErrorCode}/{@code errorMessage} (exit 4),
 * unreachable (exit 4), malformed answer (exit 4), invalid input (exit 2, nothing sent).
 */
public final class SepmClient implements AutoCloseable {
    private static final JavaType COMMAND_IDS = SepmJson.type(Map.class, String.class, String.class);
    private static final JavaType COMPUTERS = SepmJson.type(Page.class, Computer.class);
    private static final JavaType GROUPS = SepmJson.type(Page.class, Group.class);
    private static final JavaType STATUSES = SepmJson.type(Page.class, CommandStatus.class);
    private static final JavaType DOMAINS = SepmJson.type(List.class, SepmDomain.class);
    private static final JavaType BULK = SepmJson.type(List.class, BulkResponse.class);
    /** SEPM's own default for command status pages is 20; endpoints are many, so fewer calls. */
    static final int STATUS_PAGE_SIZE = 500;

    private final SepmClientBuilder config;
    private final OkHttpClient okhttp;
    private final SepmHttp http;
    private final TokenManager tokens;
    private final FingerprintCalls fingerprints;

    SepmClient(SepmClientBuilder config, OkHttpClient okhttp, SepmHttp http, TokenManager tokens) {
        this.config = config;
        this.okhttp = okhttp;
        this.http = http;
        this.tokens = tokens;
        this.fingerprints = new FingerprintCalls(http);
    }

    public static SepmClientBuilder builder() {
        return new SepmClientBuilder();
    }

    /** A builder with this client's settings, to build an independent variant. */
    public SepmClientBuilder newBuilder() {
        return config.copy();
    }

    /** {@code GET /version}: SEPM and API version. */
    public SepmVersion version() {
        return http.get(http.v1("version").build(), SepmJson.type(SepmVersion.class), "getting the SEPM version");
    }

    /** {@code GET /domains}: every domain the administrator can see (a plain array, not a page). */
    public List<SepmDomain> domains() {
        List<SepmDomain> d = http.get(http.v1("domains").build(), DOMAINS, "listing domains");
        return d == null ? List.of() : d;
    }

    /**
     * {@code GET /computers}: every computer matching the query, all pages, fetched lazily as the stream is
     * consumed (one page in memory at a time). Close or fully consume the stream; failures surface while iterating.
     */
    public Stream<Computer> computers(ComputerQuery query) {
        return PageWalker.stream(page -> computerPage(query, page));
    }

    /** {@code GET /computers}, one page ({@code pageIndex} from 1). */
    public Page<Computer> computerPage(ComputerQuery q, int pageIndex) {
        HttpUrl.Builder u = http.v1("computers");
        param(u, "computerName", q.computerName());
        param(u, "computer_id", q.computerId());
        param(u, "hardware_key", q.hardwareKey());
        param(u, "mac", q.mac());
        param(u, "domain", q.domain());
        param(u, "lastUpdate", q.lastUpdate());
        q.os().forEach(os -> u.addQueryParameter("os", os));
        param(u, "order", q.order());
        param(u, "sort", q.sort());
        param(u, "verbose", q.verbose());
        q.feature().forEach(f -> u.addQueryParameter("feature", f));
        return http.get(paged(u, pageIndex, q.pageSize()), COMPUTERS, "listing computers (page " + pageIndex + ")");
    }

    /** {@code GET /computers?computer_id=}: the one current record of a computer, if SEPM knows it. */
    public Optional<Computer> computer(String computerId) {
        return computerPage(ComputerQuery.all().withComputerId(computerId).withPageSize(1), 1).content().stream().findFirst();
    }

    /**
     * {@code PATCH /computers}: moves computers (by hardware key) to a group. SEPM answers {@code 207} with one
     * result per item; each {@link MoveResult} says whether that computer moved. Computers cannot change domain.
     */
    public List<MoveResult> moveComputers(String groupId, List<String> hardwareKeys) {
        String group = SepmIds.require(groupId, "group id");
        List<String> keys = SepmIds.requireAll(hardwareKeys, "hardware key");
        if (keys.isEmpty()) throw new SepmInvalidRequestException("no computer to move: give at least one hardware key");
        List<Map<String, Object>> body = keys.stream().<Map<String, Object>>map(k -> Map.of("group", Map.of("id", group), "hardwareKey", k)).toList();
        List<BulkResponse> answers = http.json("PATCH", http.v1("computers").build(), body, true, BULK, "moving computers to group " + group);
        List<MoveResult> results = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            BulkResponse r = answers != null && i < answers.size() ? answers.get(i) : null;
            results.add(new MoveResult(keys.get(i), group, r == null ? null : r.responseCode(),
                    r == null ? "SEPM sent no result for this item" : r.responseMessage()));
        }
        return results;
    }

    record BulkResponse(String responseCode, String responseMessage) {}

    /** {@code GET /groups}: every group matching the query, all pages, lazily. In tree mode children are nested. */
    public Stream<Group> groups(GroupQuery query) {
        return PageWalker.stream(page -> {
            HttpUrl.Builder u = http.v1("groups");
            param(u, "domain", query.domain());
            param(u, "fullPathName", query.fullPathName());
            if (query.tree()) u.addQueryParameter("mode", "tree");
            param(u, "order", query.order());
            param(u, "sort", query.sort());
            return http.get(paged(u, page, query.pageSize()), GROUPS, "listing groups (page " + page + ")");
        });
    }

    /** {@code GET /groups/{id}}; empty on SEPM's 410. */
    public Optional<Group> group(String groupId) {
        String id = SepmIds.require(groupId, "group id");
        try {
            return Optional.ofNullable(http.get(http.v1("groups").addPathSegment(id).build(), SepmJson.type(Group.class), "getting group " + id));
        } catch (SepmApiException e) {
            if (e.notFound()) return Optional.empty();
            throw e;
        }
    }

    /**
     * {@code POST /command-queue/eoc}: an Evidence-of-Compromise scan, or a hash remediation, of the targets.
     * Returns {@code commandID_computer} and/or {@code commandID_group}. Never repeated after a failure.
     */
    public CommandIds eocScan(EocRequest request) {
        if (!request.hasCriteria()) throw new SepmInvalidRequestException("an EOC scan needs a file path or a hash to look for");
        HttpUrl.Builder u = http.v1("command-queue/eoc");
        targets(u, request.targets(), false);
        return commandIds(http.command(u.build(), EocDocument.xml(request), SepmHttp.XML, COMMAND_IDS,
                request.remediate() ? "sending a remediation" : "sending an EOC scan"));
    }

    /**
     * {@code POST /command-queue/files}: asks endpoints to upload a file to SEPM. When the command completes, each
     * row's {@link CommandStatus#fileId()} is the id for {@link #fileContent}. Returns the {@code commandID}.
     */
    public String uploadFile(List<String> computerIds, String filePath, String hash, FileSource source) {
        List<String> ids = SepmIds.requireAll(computerIds, "computer id");
        if (ids.isEmpty()) throw new SepmInvalidRequestException("upload needs at least one computer id");
        if (filePath == null || filePath.isBlank()) throw new SepmInvalidRequestException("upload needs the file path");
        HttpUrl.Builder u = http.v1("command-queue/files").addQueryParameter("computer_ids", String.join(",", ids))
                .addQueryParameter("file_path", filePath.strip());
        if (hash != null && !hash.isBlank()) {
            var h = IndicatorParser.parse(hash);
            String key = switch (h.type()) {
                case MD5 -> "md5";
                case SHA1 -> "sha1";
                case SHA256 -> "sha256";
                default -> throw new SepmInvalidRequestException("'" + SepmIds.printable(hash) + "' is not an MD5, SHA-1 or SHA-256 hash");
            };
            u.addQueryParameter(key, h.value());
        }
        if (source != null) u.addQueryParameter("source", source.name());
        CommandIds ids2 = commandIds(http.command(u.build(), "", SepmHttp.JSON, COMMAND_IDS, "requesting a file upload"));
        return ids2.single().orElseThrow(() -> new SepmProtocolException("SEPM accepted the upload without a command id"));
    }

    /** {@code GET /command-queue/file/{id}/details}: size and checksum of an uploaded file. */
    public FileDetails fileDetails(String fileId) {
        String id = SepmIds.require(fileId, "file id");
        return http.get(http.v1("command-queue/file").addPathSegment(id).addPathSegment("details").build(),
                SepmJson.type(FileDetails.class), "getting details of file " + id);
    }

    /**
     * {@code GET /command-queue/file/{id}/content}: the uploaded file, decoded from SEPM's ZIP (XOR-ed entry plus
     * {@code metadata.xml}) and checked against the hash SEPM named it by and against {@code expectedHash} (MD5,
     * SHA-1 or SHA-256; may be null). A mismatch is a {@link SepmProtocolException}.
     */
    public FileContent fileContent(String fileId, String expectedHash) {
        String id = SepmIds.require(fileId, "file id");
        return http.download(http.v1("command-queue/file").addPathSegment(id).addPathSegment("content").build(),
                body -> FileContentDecoder.decode(id, body, expectedHash), "downloading file " + id);
    }

    /** {@code POST /command-queue/quarantine}: network-quarantines the targets (computers, groups, hardware keys). */
    public CommandIds quarantine(Targets targets) {
        return quarantine(targets, false);
    }

    /** {@code POST /command-queue/quarantine?undo=true}: lifts the network quarantine. */
    public CommandIds undoQuarantine(Targets targets) {
        return quarantine(targets, true);
    }

    private CommandIds quarantine(Targets targets, boolean undo) {
        HttpUrl.Builder u = http.v1("command-queue/quarantine");
        targets(u, targets, true);
        if (undo) u.addQueryParameter("undo", "true");
        return commandIds(http.command(u.build(), "", SepmHttp.JSON, COMMAND_IDS, undo ? "lifting quarantine" : "quarantining"));
    }

    /**
     * {@code GET /command-queue/{id}}: every endpoint's row of a command, all pages, lazily. Right after
     * submission SEPM may answer no rows at all.
     */
    public Stream<CommandStatus> commandStatus(String commandId) {
        String id = SepmIds.require(commandId, "command id");
        return PageWalker.stream(page -> commandStatusPage(id, page, STATUS_PAGE_SIZE));
    }

    /** {@code GET /command-queue/{id}}, one page ({@code pageIndex} from 1). */
    public Page<CommandStatus> commandStatusPage(String commandId, int pageIndex, int pageSize) {
        String id = SepmIds.require(commandId, "command id");
        return http.get(paged(http.v1("command-queue").addPathSegment(id), pageIndex, pageSize), STATUSES,
                "getting status of command " + id + " (page " + pageIndex + ")");
    }

    /** The overall progress of a command over all its rows; see {@link CommandProgress}. */
    public CommandProgress commandProgress(String commandId, Instant submittedAt, Duration timeout) {
        List<CommandStatus> rows = commandStatus(commandId).toList();
        return CommandProgress.of(rows, submittedAt, timeout, config.clock().instant());
    }

    /** {@code POST /command-queue/{id}/cancel}: cancels the command where still pending; returns the cancel command's id. */
    public String cancelCommand(String commandId) {
        String id = SepmIds.require(commandId, "command id");
        CommandIds ids = commandIds(http.command(http.v1("command-queue").addPathSegment(id).addPathSegment("cancel").build(),
                "", SepmHttp.JSON, COMMAND_IDS, "cancelling command " + id));
        return ids.single().orElseThrow(() -> new SepmProtocolException("SEPM cancelled command " + id + " without a command id"));
    }

    /** {@code GET /policy-objects/fingerprints/{id}} (v1, else v2); empty when SEPM says it does not exist. */
    public Optional<FingerprintList> fingerprintList(String id) {
        return fingerprints.byId(id);
    }

    /** {@code GET /policy-objects/fingerprints?name=&domainId=} (v1, else v2); empty when it does not exist. */
    public Optional<FingerprintList> fingerprintListByName(String name, String domainId) {
        return fingerprints.byName(name, domainId);
    }

    /** {@code POST /policy-objects/fingerprints} (v1, or v2 for mixed types); returns the new id. 409 if the name exists. */
    public String createFingerprintList(FingerprintListRequest request) {
        return fingerprints.create(withDomain(request));
    }

    /** {@code POST /policy-objects/fingerprints/{id}}: replaces the whole list (v1, else v2). */
    public void replaceFingerprintList(String id, FingerprintListRequest request) {
        fingerprints.replace(id, withDomain(request));
    }

    /**
     * The domain a fingerprint list goes to when the caller names none: the administrator's login domain
     * ({@code domainid} of the authentication answer), else the only domain SEPM has. {@code domainId} is required
     * on create and replace, and an empty one is never sent.
     */
    public String defaultDomainId() {
        Optional<String> login = tokens.loginDomainId();
        if (login.isPresent()) return SepmIds.require(login.get(), "domain id");
        List<SepmDomain> all = domains();
        if (all.size() == 1) return all.getFirst().id();
        throw new SepmInvalidRequestException("SEPM did not name the administrator's domain and has " + all.size()
                + " domains: name the fingerprint list's domain (its id or name)");
    }

    private FingerprintListRequest withDomain(FingerprintListRequest request) {
        return request.domainId().isEmpty() ? request.withDomainId(defaultDomainId()) : request;
    }

    /** {@code DELETE /policy-objects/fingerprints/{id}} (also unassigns it); false if it did not exist. */
    public boolean deleteFingerprintList(String id) {
        return fingerprints.delete(id);
    }

    /**
     * {@code PUT /groups/{groupId}/system-lockdown/fingerprints/{listId}}: blocks the list's hashes on the group.
     * SEPM answers 422 when system lockdown is disabled or the list is already assigned.
     */
    public void assignLockdown(String groupId, String fingerprintListId) {
        String g = SepmIds.require(groupId, "group id");
        String f = SepmIds.require(fingerprintListId, "fingerprint list id");
        http.json("PUT", http.v1("groups").addPathSegment(g).addPathSegments("system-lockdown/fingerprints").addPathSegment(f).build(),
                Map.of(), true, null, "assigning fingerprint list " + f + " to group " + g);
    }

    /** {@code GET /events/critical}: SEPM's critical events. */
    public CriticalEvents criticalEvents(boolean includeAcknowledged) {
        return http.get(http.v1("events/critical").addQueryParameter("includeAcknowledged", String.valueOf(includeAcknowledged)).build(),
                SepmJson.type(CriticalEvents.class), "getting critical events");
    }

    /** {@code GET /stats/client/onlinestatus}: online and offline client counts. */
    public OnlineStatusCounts onlineStatus() {
        return http.get(http.v1("stats/client/onlinestatus").build(), SepmJson.type(OnlineStatusCounts.class), "getting online status counts");
    }

    /** How many times this client authenticated (diagnostics, tests). */
    int authentications() {
        return tokens.authentications();
    }

    /** Logs out ({@code POST /identity/logout}) and releases threads and pooled connections. */
    @Override
    public void close() {
        tokens.logout();
        okhttp.dispatcher().executorService().shutdown();
        okhttp.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "SepmClient[" + http.apiRoot().host() + ":" + http.apiRoot().port() + ", " + config.credentialsForDisplay() + "]";
    }

    private static CommandIds commandIds(Map<String, String> ids) {
        if (ids == null || ids.isEmpty()) throw new SepmProtocolException("SEPM accepted the command without a command id");
        return new CommandIds(new LinkedHashMap<>(ids));
    }

    private static void targets(HttpUrl.Builder u, Targets t, boolean hardwareKeys) {
        if (!t.computerIds().isEmpty()) u.addQueryParameter("computer_ids", String.join(",", t.computerIds()));
        if (!t.groupIds().isEmpty()) u.addQueryParameter("group_ids", String.join(",", t.groupIds()));
        if (!t.hardwareKeys().isEmpty()) {
            if (!hardwareKeys) throw new SepmInvalidRequestException("this command takes computer or group ids, not hardware keys");
            u.addQueryParameter("hardware_ids", String.join(",", t.hardwareKeys()));
        }
    }

    private static HttpUrl paged(HttpUrl.Builder u, int pageIndex, int pageSize) {
        if (pageIndex < 1) throw new SepmInvalidRequestException("pageIndex starts at 1");
        return u.addQueryParameter("pageIndex", String.valueOf(pageIndex)).addQueryParameter("pageSize", String.valueOf(pageSize)).build();
    }

    private static void param(HttpUrl.Builder u, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) u.addQueryParameter(name, String.valueOf(value));
    }
}
