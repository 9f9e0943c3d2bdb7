package riposte.server.indicator;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.core.enrichment.Verdict;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.core.interchange.Tlp;
import riposte.server.audit.AuditLog;
import riposte.server.system.Choices;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/** Indicator use cases: create-or-get by type and value, tags, verdicts; all audited. Public for the web console. */
@Service
public class IndicatorService {
    static final String KIND = "indicator";
    private final IndicatorRepository indicators;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final riposte.server.interchange.InterchangeSettings interchange;

    IndicatorService(IndicatorRepository indicators, AuditLog audit, Clock clock, TransactionTemplate transactions,
            ApplicationEventPublisher events, riposte.server.interchange.InterchangeSettings interchange) {
        this.interchange = interchange;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
    }

    /** The result of create-or-get. */
    public record Outcome(IndicatorView indicator, boolean created) {}

    /** A page of indicators matching every given criterion of {@code s}; {@code sort} as in the API. */
    @Transactional(readOnly = true)
    public PageResponse<IndicatorView> search(IndicatorSearch s, String sort, PageQuery page) {
        var filter = new IndicatorRepository.Filter(blank(s.type()) ? null : type(s.type()).id(),
                Choices.parse(Verdict.class, "verdict", blank(s.verdict()) ? null : s.verdict()), strip(s.tag()),
                strip(s.text()), strip(s.attribute()), strip(s.attributeValue()));
        return PageResponse.of(indicators.find(filter, sort, page), page, indicators.count(filter));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    @Transactional(readOnly = true)
    public IndicatorView get(long id) {
        return indicators.get(id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    /**
     * Creates the indicator, or returns the existing one with the extra tags added. Two servers racing to create the
     * same indicator both succeed: the loser's insert hits the unique key and it retries as a "get".
     */
    public Outcome createOrGet(String actor, IndicatorView.Create c) {
        return createOrGet(actor, c, Set.of());
    }

    /**
     * {@link #createOrGet(String, IndicatorView.Create)} by a caller that runs {@code playbooksRunByCaller} on the
     * indicator itself: a rule does not start those on it when it is new.
     */
    Outcome createOrGet(String actor, IndicatorView.Create c, Set<String> playbooksRunByCaller) {
        Indicator parsed = parse(c.value(), c.type() == null || c.type().isBlank() ? null : type(c.type()));
        Verdict verdict = Choices.parse(Verdict.class, "verdict", c.verdict(), Verdict.UNKNOWN);
        List<String> tags = normalise(c.tags());
        Tlp tlp = Choices.tlp("tlp", c.tlp());
        try {
            return transactions.execute(tx -> createOrMerge(actor, parsed, verdict, c.confidence(), tags, tlp,
                    playbooksRunByCaller));
        } catch (DuplicateKeyException race) {
            return transactions.execute(tx -> createOrMerge(actor, parsed, verdict, c.confidence(), tags, tlp,
                    playbooksRunByCaller));
        }
    }

    private Outcome createOrMerge(String actor, Indicator parsed, Verdict verdict, Integer confidence, List<String> tags,
            Tlp tlp, Set<String> runByCreator) {
        var existing = indicators.find(parsed.type().id(), parsed.value());
        if (existing.isPresent()) {
            IndicatorView before = existing.get();
            TreeSet<String> missing = new TreeSet<>(tags);
            missing.removeAll(before.tags());
            boolean raise = tlp != null && !before.level().allows(tlp); // only ever more restricted
            if (missing.isEmpty() && !raise) return new Outcome(before, false);
            indicators.addTags(before.id(), missing);
            if (raise) indicators.raiseTlp(before.id(), tlp, Sql.now(clock));
            IndicatorView after = get(before.id());
            audit.record(actor, missing.isEmpty() ? "update" : "tag", KIND, before.id(), before, after);
            return new Outcome(after, false);
        }
        Instant now = Sql.now(clock);
        var draft = new IndicatorView(0, parsed.type().id(), parsed.value(), verdict,
                confidence == null ? 0 : confidence, tags,
                (tlp == null ? interchange.defaultLevel() : tlp).label(), now, now, 0);
        IndicatorView created = get(indicators.insert(draft));
        audit.record(actor, "create", KIND, created.id(), null, created);
        events.publishEvent(new IndicatorCreated(created.id(), runByCreator));
        return new Outcome(created, true);
    }

    @Transactional
    IndicatorView update(String actor, long id, IndicatorView.Update u) {
        IndicatorView before = get(id);
        if (before.version() != u.version()) throw new VersionConflictException(KIND, id, u.version());
        Verdict verdict = Choices.parse(Verdict.class, "verdict", u.verdict(), before.verdict());
        Tlp tlp = Choices.tlp("tlp", u.tlp());
        var changed = new IndicatorView(id, before.type(), before.value(), verdict,
                u.confidence() == null ? before.confidence() : u.confidence(), before.tags(),
                tlp == null ? before.tlp() : tlp.label(), before.createdAt(), Sql.now(clock), before.version());
        // The version is bumped even for a tags-only change, so that concurrent tag edits conflict too.
        if (!indicators.update(changed, u.version())) throw new VersionConflictException(KIND, id, u.version());
        if (u.tags() != null) indicators.replaceTags(id, normalise(u.tags()));
        IndicatorView after = get(id);
        audit.record(actor, "update", KIND, id, before, after);
        return after;
    }

    private static List<String> normalise(Collection<String> tags) {
        if (tags == null) return List.of();
        return List.copyOf(new TreeSet<>(tags.stream().map(String::strip).toList()));
    }

    static IndicatorType type(String text) {
        return IndicatorType.fromName(text).orElseThrow(() -> new InvalidFieldException("type",
                "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text)
                        + "' is not an indicator type: expected one of " + String.join(", ",
                        java.util.Arrays.stream(IndicatorType.values()).map(IndicatorType::id).toList())));
    }

    private static Indicator parse(String value, IndicatorType expected) {
        try {
            return expected == null ? IndicatorParser.parse(value) : IndicatorParser.parse(value, expected);
        } catch (InvalidIndicatorException e) {
            throw new InvalidFieldException("value", e.getMessage());
        }
    }
}
