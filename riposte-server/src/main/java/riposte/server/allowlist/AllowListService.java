package riposte.server.allowlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import riposte.core.allowlist.AllowList;
import riposte.core.allowlist.AllowListEntries;
import riposte.core.allowlist.AllowListEntry;
import riposte.core.allowlist.InvalidAllowListEntryException;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.server.audit.AuditLog;
import riposte.server.settings.SettingsStoreSettings;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.InvalidFieldException.FieldProblem;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;

/**
 * Allow-list use cases, and the question every other feature asks: {@link #match(Indicator)}. Changes are
 * all-or-nothing and audited; the in-memory index is rebuilt when the database's change stamp moves or an entry
 * expires (see the package documentation).
 */
@Service
public class AllowListService {
    static final String KIND = "allow-list entry";
    /** Entries per add request (and lines per paste): a larger list is a file import, not a form. */
    public static final int MAX_ENTRIES = 1000;
    private static final Logger log = LoggerFactory.getLogger(AllowListService.class);

    private final AllowListRepository entries;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration checkInterval;
    private volatile Snapshot snapshot;

    AllowListService(AllowListRepository entries, AuditLog audit, Clock clock, SettingsStoreSettings settings) {
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
        this.checkInterval = settings.checkInterval();
    }

    /**
     * The index as of one stamp, its entries by value, when the first of them expires (null: none does), and when the
     * stamp was last compared with the database's.
     */
    private record Snapshot(long stamp, AllowList index, Map<String, AllowListEntryView> byValue, Instant nextExpiry,
            Instant checkedAt) {

        Snapshot checked(Instant now) {
            return new Snapshot(stamp, index, byValue, nextExpiry, now);
        }
    }

    /** The entry that allow-lists {@code indicator}, or empty. */
    public Optional<AllowListEntryView> match(Indicator indicator) {
        Snapshot s = current();
        return s.index().match(indicator).map(e -> s.byValue().get(e.value()));
    }

    /**
     * A matcher fixed at the current entries, for many questions in a row (a bulk request): one stamp read instead of
     * one per question.
     */
    public Function<Indicator, Optional<AllowListEntryView>> matcher() {
        Snapshot s = current();
        return indicator -> s.index().match(indicator).map(e -> s.byValue().get(e.value()));
    }

    /** The same for a stored indicator type id and value (as artifacts and indicators keep them); empty if neither. */
    public Optional<AllowListEntryView> match(String type, String value) {
        Optional<IndicatorType> t = IndicatorType.fromName(type);
        if (t.isEmpty() || value == null) return Optional.empty();
        try {
            return match(IndicatorParser.parse(value, t.get()));
        } catch (InvalidIndicatorException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code value} (any indicator text) is allow-listed, and by which entry; a 400 if it is no indicator. */
    public AllowListEntryView.Check check(String value) {
        Indicator indicator;
        try {
            indicator = IndicatorParser.parse(value);
        } catch (InvalidIndicatorException e) {
            throw new InvalidFieldException("value", e.getMessage());
        }
        AllowListEntryView entry = match(indicator).orElse(null);
        return new AllowListEntryView.Check(value, indicator.type().id(), indicator.value(), entry != null, entry);
    }

    @Transactional(readOnly = true)
    public PageResponse<AllowListEntryView> list(String kind, String text, PageQuery page) {
        String kindId = kind == null || kind.isBlank() ? null : AllowListEntry.Kind.fromId(kind)
                .orElseThrow(() -> new InvalidFieldException("kind", "'" + shorten(kind) + "' is not an entry kind: "
                        + "expected one of " + kindIds())).id();
        return entries.find(kindId, text == null || text.isBlank() ? null : text.strip(), page);
    }

    @Transactional(readOnly = true)
    public AllowListEntryView get(long id) {
        return entries.get(id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    /**
     * Adds every entry or none: any bad one is a 400 naming {@code entries[i].value} (or {@code .reason},
     * {@code .expiresAt}) and what is accepted — also a value given twice or already listed.
     */
    @Transactional
    public List<AllowListEntryView> add(String actor, AllowListEntryView.Add request) {
        if (request == null || request.entries() == null || request.entries().isEmpty()) {
            throw new InvalidFieldException("entries", "is required: 1 to " + MAX_ENTRIES
                    + " entries, each {value, reason}; e.g. {\"value\": \"*.example.com\", \"reason\": \"our mail\"}");
        }
        if (request.entries().size() > MAX_ENTRIES) {
            throw new InvalidFieldException("entries", "at most " + MAX_ENTRIES + " per request, got "
                    + request.entries().size());
        }
        List<Candidate> candidates = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Instant now = Sql.now(clock);
        for (int i = 0; i < request.entries().size(); i++) {
            String at = "entries[" + i + "]";
            AllowListEntryView.Create c = request.entries().get(i);
            if (c == null) {
                problems.add(new FieldProblem(at, "is required: {value, reason}"));
                continue;
            }
            try {
                AllowListEntry entry = AllowListEntries.parse(c.value(), c.reason() == null || c.reason().isBlank()
                        ? request.reason() : c.reason());
                if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
                    problems.add(new FieldProblem(at + ".expiresAt", "is not in the future: " + c.expiresAt()));
                } else {
                    candidates.add(new Candidate(at + ".value", entry, c.expiresAt()));
                }
            } catch (InvalidAllowListEntryException e) {
                problems.add(new FieldProblem(at + "." + e.field(), e.getMessage()));
            }
        }
        problems.addAll(conflicts(candidates));
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        return insert(actor, candidates, now);
    }

    /** One line of a paste that was refused: its number (from 1), its text and why. */
    public record LineProblem(int line, String text, String message) {}

    /** What a paste did: the entries added, and the lines refused. */
    public record Pasted(List<AllowListEntryView> added, List<LineProblem> problems) {}

    /**
     * Adds the entries of pasted text, one per line ({@code value}, white space, {@code reason}; without a reason,
     * {@code sharedReason}); blank lines and {@code #} comments are skipped. Unlike {@link #add}, the good lines are
     * stored and the bad ones come back, one problem each, as the console's indicator paste does.
     */
    @Transactional
    public Pasted addLines(String actor, String text, String sharedReason) {
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        List<LineProblem> problems = new ArrayList<>();
        if (lines.length > MAX_ENTRIES) {
            problems.add(new LineProblem(MAX_ENTRIES + 1, "", "at most " + MAX_ENTRIES
                    + " lines at a time; nothing after line " + MAX_ENTRIES + " was read"));
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < Math.min(lines.length, MAX_ENTRIES); i++) {
            if (AllowListEntries.skipped(lines[i])) continue;
            String line = lines[i].strip();
            try {
                String where = String.valueOf(i + 1);
                candidates.add(new Candidate(where, AllowListEntries.parseLine(line, sharedReason), null));
                texts.put(where, line);
            } catch (InvalidAllowListEntryException e) {
                problems.add(new LineProblem(i + 1, line, e.getMessage()));
            }
        }
        List<FieldProblem> conflicts = conflicts(candidates);
        for (FieldProblem p : conflicts) {
            problems.add(new LineProblem(Integer.parseInt(p.field()), texts.get(p.field()), p.message()));
        }
        problems.sort(java.util.Comparator.comparingInt(LineProblem::line));
        var refused = conflicts.stream().map(FieldProblem::field).collect(Collectors.toSet());
        List<Candidate> good = candidates.stream().filter(c -> !refused.contains(c.where())).toList();
        return new Pasted(good.isEmpty() ? List.of() : insert(actor, good, Sql.now(clock)), problems);
    }

    @Transactional
    public void delete(String actor, long id) {
        AllowListEntryView before = get(id);
        entries.delete(id);
        entries.touch();
        dropIndexOnCommit();
        audit.record(actor, "delete", KIND, id, before, null);
    }

    /**
     * Records that {@code playbook} was not started on an allow-listed object (audit action {@code skip}, by
     * {@code system}, on the object): what rules do instead of starting a run.
     */
    @Transactional
    public void recordSkipped(String objectKind, String objectId, String playbook, String because) {
        audit.record(Actor.SYSTEM, "skip", objectKind, objectId, null,
                Map.of("playbook", playbook, "allowlistReason", because));
    }

    /** A parsed entry, where it came from ({@code entries[3].value}, or a line number) and its expiry. */
    private record Candidate(String where, AllowListEntry entry, Instant expiresAt) {}

    /** Values given twice, and values already listed. */
    private List<FieldProblem> conflicts(List<Candidate> candidates) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            String first = seen.putIfAbsent(c.entry().value(), c.where());
            if (first != null) {
                problems.add(new FieldProblem(c.where(), c.entry().value() + " is given twice (also at " + first
                        + ")"));
            }
        }
        for (AllowListEntryView existing : entries.withValues(seen.keySet())) {
            problems.add(new FieldProblem(seen.get(existing.value()), existing.value()
                    + " is already on the allow-list (entry " + existing.id() + ": " + existing.reason() + ")"));
        }
        return problems;
    }

    private List<AllowListEntryView> insert(String actor, List<Candidate> candidates, Instant now) {
        List<AllowListEntryView> added = new ArrayList<>();
        for (Candidate c : candidates) {
            var draft = new AllowListEntryView(0, c.entry().kind().id(), c.entry().value(), c.entry().reason(), actor,
                    now, c.expiresAt());
            AllowListEntryView created = get(entries.insert(draft));
            audit.record(actor, "create", KIND, created.id(), null, created);
            added.add(created);
        }
        entries.touch();
        dropIndexOnCommit();
        return added;
    }

    /**
     * The index in memory. Once {@code riposte.settings.check-interval} has passed since the last look, one
     * primary-key read compares the stamp, and the index is rebuilt only if it moved (a change on another server);
     * a change on this server is seen at once (it drops the index when it commits), and so is an entry's expiry.
     */
    private Snapshot current() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (fresh(s, now)) return s;
        synchronized (this) {
            s = snapshot;
            if (fresh(s, now)) return s;
            long stamp = entries.stamp();
            s = s != null && s.stamp() == stamp && unexpired(s, now) ? s.checked(now) : build(stamp, now);
            snapshot = s;
            return s;
        }
    }

    private boolean fresh(Snapshot s, Instant now) {
        return s != null && now.isBefore(s.checkedAt().plus(checkInterval)) && unexpired(s, now);
    }

    private static boolean unexpired(Snapshot s, Instant now) {
        return s.nextExpiry() == null || now.isBefore(s.nextExpiry());
    }

    /** After the changing transaction commits (or at once outside one): the next question rebuilds the index. */
    private void dropIndexOnCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            invalidate();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                invalidate();
            }
        });
    }

    /** Synchronized with the rebuild in {@link #current()}, so a rebuild that read before the commit cannot outlive it. */
    private synchronized void invalidate() {
        snapshot = null;
    }

    private Snapshot build(long stamp, Instant now) {
        List<AllowListEntry> index = new ArrayList<>();
        Map<String, AllowListEntryView> byValue = new HashMap<>();
        Instant nextExpiry = null;
        for (AllowListEntryView v : entries.active(now)) {
            Optional<AllowListEntry.Kind> kind = AllowListEntry.Kind.fromId(v.kind());
            if (kind.isEmpty()) {
                log.warn("Allow-list entry {} has an unknown kind '{}' and is ignored", v.id(), v.kind());
                continue;
            }
            index.add(new AllowListEntry(kind.get(), v.value(), v.reason()));
            byValue.put(v.value(), v);
            if (v.expiresAt() != null && (nextExpiry == null || v.expiresAt().isBefore(nextExpiry))) {
                nextExpiry = v.expiresAt();
            }
        }
        return new Snapshot(stamp, AllowList.of(index), Map.copyOf(byValue), nextExpiry, now);
    }

    static String kindIds() {
        return Arrays.stream(AllowListEntry.Kind.values()).map(AllowListEntry.Kind::id)
                .collect(Collectors.joining(", "));
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
