package riposte.server.ingest;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.core.indicator.FilePath;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.mail.IndicatorExtractor;
import riposte.core.mail.MailMessage;
import riposte.core.mail.MailParseException;
import riposte.core.mail.MailParser;
import riposte.core.mail.SepmNotification;
import riposte.core.mail.SepmNotification.Field;
import riposte.server.allowlist.AllowListEntryView;
import riposte.server.allowlist.AllowListService;
import riposte.server.artifact.ArtifactCreate;
import riposte.server.artifact.ArtifactService;
import riposte.server.attachment.AttachmentService;
import riposte.server.attachment.ContentStore;
import riposte.server.incident.IncidentCreate;
import riposte.server.incident.IncidentService;
import riposte.server.incident.IncidentView;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/**
 * The one ingestion pipeline. Each message is one transaction: its raw bytes become a blob, its record (unique by
 * Message-ID, or by content when it has none) is written with the outcome, and — when the SEPM rule takes it — the
 * incident, its .eml attachment and its artifacts commit with it. A crash before the commit leaves nothing, so the
 * message is taken again on the next delivery; after it, a second delivery finds the record and creates nothing.
 */
@Service
public class MailIngestService {
    static final String ACTOR = "mail-ingest";
    /** Artifacts from the general parsing of one message; the rest are listed as left out. */
    static final int MAX_FOUND = 200;
    private static final Logger log = LoggerFactory.getLogger(MailIngestService.class);

    private final MailRepository mail;
    private final ContentStore content;
    private final IncidentService incidents;
    private final ArtifactService artifacts;
    private final AttachmentService attachments;
    private final AllowListService allowList;
    private final Clock clock;

    MailIngestService(MailRepository mail, ContentStore content, IncidentService incidents, ArtifactService artifacts,
            AttachmentService attachments, AllowListService allowList, Clock clock) {
        this.mail = mail;
        this.content = content;
        this.incidents = incidents;
        this.artifacts = artifacts;
        this.attachments = attachments;
        this.allowList = allowList;
        this.clock = clock;
    }

    /** Ingests one raw message; {@code source} says where it came from ("upload", "import", "mailbox 3"). */
    public Ingested ingest(String source, byte[] raw) {
        String sha = sha256(raw);
        MailMessage parsed;
        String failure = null;
        try {
            parsed = MailParser.parse(raw);
        } catch (MailParseException e) {
            parsed = null;
            failure = e.getMessage();
        }
        String key = parsed != null && parsed.messageId() != null ? "mid:" + parsed.messageId() : "sha256:" + sha;
        Optional<MailRecord> seen = mail.byDedupKey(key);
        if (seen.isPresent()) return new Ingested(true, seen.get());
        MailMessage message = parsed;
        String failed = failure;
        try {
            return content.store(new ByteArrayInputStream(raw), stored -> {
                Optional<MailRecord> raced = mail.byDedupKey(key);
                if (raced.isPresent()) return new Ingested(true, raced.get());
                return new Ingested(false, record(source, key, stored, message, failed));
            });
        } catch (DuplicateKeyException e) { // another node took the same message at the same moment
            return new Ingested(true, mail.byDedupKey(key).orElseThrow(() -> e));
        } catch (RuntimeException e) {
            // Everything of the first attempt rolled back; the message is kept and listed with the reason.
            log.warn("a message from {} could not be processed and is kept as FAILED", source, e);
            String reason = "could not be processed: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return content.store(new ByteArrayInputStream(raw), stored -> new Ingested(false, save(key,
                    new MailRecord(0, message == null ? null : message.messageId(), source,
                            message == null ? null : message.subject(), message == null ? null : message.from(),
                            "FAILED", reason.length() > 2000 ? reason.substring(0, 2000) : reason, null,
                            stored.sha256(), stored.size(), Map.of(), List.of(), Sql.now(clock)))));
        }
    }

    private MailRecord record(String source, String key, ContentStore.Stored stored, MailMessage m, String failure) {
        var now = Sql.now(clock);
        if (m == null) {
            log.warn("an unreadable message from {} was kept as blob {}: {}", source, stored.sha256(), failure);
            return save(key, new MailRecord(0, null, source, null, null, "FAILED", failure, null, stored.sha256(),
                    stored.size(), Map.of(), List.of(), now));
        }
        MailRule rule = mail.rule();
        if (!SepmNotification.matches(m, rule.subjects(), rule.senders())) {
            return save(key, new MailRecord(0, m.messageId(), source, m.subject(), m.from(), "IGNORED",
                    ignoredBecause(m, rule), null, stored.sha256(), stored.size(), Map.of(), List.of(), now));
        }
        SepmNotification n = SepmNotification.read(m.text());
        IncidentView incident = incidents.create(ACTOR, new IncidentCreate(name(m.subject()), description(m, n),
                "Malware", n.severity(), null, null));
        attachments.attach(ACTOR, incident.id(), "message.eml", "message/rfc822", stored);
        List<MailRecord.LeftOut> leftOut = new ArrayList<>();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        n.get(Field.FILE_PATH).ifPresent(p -> candidate(candidates, leftOut, p, "file_path", "File path"));
        n.fileName().ifPresent(f -> {
            // The API takes a value only when the parser reads it as the same type: a bare "x.exe" reads as a domain.
            if (roundTrips(new FilePath(f))) {
                candidates.putIfAbsent("file_path:" + f, new Candidate(new FilePath(f), "File name"));
            } else {
                leftOut.add(new MailRecord.LeftOut("file_name", f, "a bare file name is not an artifact type "
                        + "(it would read as a domain): the file path artifact carries it"));
            }
        });
        n.get(Field.COMPUTER).ifPresent(c -> candidate(candidates, leftOut, c, "hostname", "System name"));
        n.get(Field.IP_ADDRESS).ifPresent(ip -> candidate(candidates, leftOut, ip, null, "IP address"));
        n.get(Field.USER).ifPresent(u -> leftOut.add(new MailRecord.LeftOut("user", u,
                "kept as a field: there is no artifact type for user accounts")));
        Set<Indicator> found = IndicatorExtractor.extract(m.text() + "\n" + m.subject(), MAX_FOUND + 1);
        int i = 0;
        // The notification's own names (risk "Trojan.Gen.NPE", file "x.exe") read like domains: they are fields.
        Set<String> fieldValues = new java.util.HashSet<>();
        n.fields().values().forEach(v -> fieldValues.add(v.toLowerCase(java.util.Locale.ROOT)));
        n.fileName().ifPresent(f -> fieldValues.add(f.toLowerCase(java.util.Locale.ROOT)));
        for (Indicator indicator : found) {
            if (indicator instanceof riposte.core.indicator.Domain d && fieldValues.contains(d.value())) continue;
            if (++i > MAX_FOUND) {
                leftOut.add(new MailRecord.LeftOut(null, null, "more than " + MAX_FOUND + " values found: the rest are not artifacts"));
                break;
            }
            if (roundTrips(indicator)) {
                candidates.putIfAbsent(indicator.type().id() + ":" + indicator.value(), new Candidate(indicator, "Found in the message"));
            }
        }
        for (Candidate c : candidates.values()) {
            Optional<AllowListEntryView> listed = allowList.match(c.indicator());
            if (listed.isPresent()) {
                leftOut.add(new MailRecord.LeftOut(c.indicator().type().id(), c.indicator().value(),
                        "allow-listed: " + listed.get().because()));
                continue;
            }
            artifacts.create(ACTOR, incident.id(), new ArtifactCreate(c.indicator().type().id(), c.indicator().value(),
                    c.description(), "e-mail", false, null));
        }
        return save(key, new MailRecord(0, m.messageId(), source, m.subject(), m.from(), "INCIDENT", null,
                incident.id(), stored.sha256(), stored.size(), n.byKey(), leftOut, now));
    }

    private static boolean roundTrips(Indicator indicator) {
        return IndicatorParser.tryParseText(indicator.value()).filter(indicator::equals).isPresent();
    }

    private record Candidate(Indicator indicator, String description) {}

    private static void candidate(Map<String, Candidate> into, List<MailRecord.LeftOut> leftOut, String value,
            String type, String description) {
        var parsed = IndicatorParser.tryParseText(value)
                .filter(i -> type == null || i.type().id().equals(type));
        if (parsed.isEmpty()) {
            leftOut.add(new MailRecord.LeftOut(type, value, description + " is not a valid "
                    + (type == null ? "indicator" : type.replace('_', ' '))));
            return;
        }
        into.putIfAbsent(parsed.get().type().id() + ":" + parsed.get().value(), new Candidate(parsed.get(), description));
    }

    private MailRecord save(String key, MailRecord r) {
        return mail.get(mail.insert(key, r)).orElseThrow();
    }

    private static String ignoredBecause(MailMessage m, MailRule rule) {
        if (rule.senders().isEmpty()) return "no SEPM sender is configured (PUT /api/v1/mail/rule)";
        if (m.subject() == null) return "the message has no subject";
        boolean sender = rule.senders().stream().anyMatch(s -> s.equalsIgnoreCase(m.from()));
        return sender ? "the subject contains none of the rule's subjects"
                : "the sender " + (m.from() == null ? "(none)" : m.from()) + " is not a configured SEPM sender";
    }

    private static String name(String subject) {
        String s = subject == null || subject.isBlank() ? "SEPM notification" : subject;
        return s.length() > 500 ? s.substring(0, 497) + "..." : s;
    }

    /** The fields as a list, then the text: what the incident page shows. */
    private static String description(MailMessage m, SepmNotification n) {
        StringBuilder b = new StringBuilder("SEPM notification from ").append(m.from()).append("\n\n");
        for (Field f : Field.values()) n.get(f).ifPresent(v -> b.append(f.label()).append(": ").append(v).append('\n'));
        String text = m.text().length() > 20_000 ? m.text().substring(0, 20_000) + "\n[...]" : m.text();
        return b.append("\n---\n").append(text).toString();
    }

    @Transactional(readOnly = true)
    public MailRecord get(long id) {
        return mail.get(id).orElseThrow(() -> new NotFoundException("mail message", id));
    }

    public List<MailRecord> ofIncident(long incidentId) {
        return mail.ofIncident(incidentId);
    }

    public List<MailRecord> list(String outcome, int limit, long offset) {
        return mail.find(outcome, limit, offset);
    }

    public long count(String outcome) {
        return mail.count(outcome);
    }

    public MailRule rule() {
        return mail.rule();
    }

    /** Most subjects, and most senders, the rule may list; each at most {@link #MAX_RULE_TEXT} characters. */
    static final int MAX_RULE_ENTRIES = 100;
    static final int MAX_RULE_TEXT = 500;

    @Transactional
    public MailRule updateRule(MailRule rule) {
        List<InvalidFieldException.FieldProblem> problems = new ArrayList<>();
        checkRuleEntries("subjects", rule.subjects(), problems);
        checkRuleEntries("senders", rule.senders(), problems);
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        if (!mail.updateRule(rule, rule.version())) throw new VersionConflictException("mail rule", 1, rule.version());
        return mail.rule();
    }

    /** Stored one per line: a line break inside one would split it into two on reading. */
    private static void checkRuleEntries(String field, List<String> values, List<InvalidFieldException.FieldProblem> into) {
        if (values.size() > MAX_RULE_ENTRIES) {
            into.add(new InvalidFieldException.FieldProblem(field, "at most " + MAX_RULE_ENTRIES + " entries, got "
                    + values.size()));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String at = field + "[" + i + "]";
            if (v == null || v.isBlank()) {
                into.add(new InvalidFieldException.FieldProblem(at, "must not be empty"));
            } else if (v.length() > MAX_RULE_TEXT) {
                into.add(new InvalidFieldException.FieldProblem(at, "must be at most " + MAX_RULE_TEXT
                        + " characters, got " + v.length()));
            } else if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                into.add(new InvalidFieldException.FieldProblem(at, "must be one line"));
            }
        }
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
