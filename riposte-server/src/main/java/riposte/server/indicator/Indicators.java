package riposte.server.indicator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.audit.AuditLog;
import riposte.server.system.NotFoundException;
import riposte.server.system.Sql;

/**
 * Indicators for other server features (playbook ports, bulk enrichment): look up, create-or-get, write attributes
 * (creating a definition on first use) and associate indicators with each other. Every change is audited like its
 * REST counterpart.
 */
@Component
public class Indicators {
    private final IndicatorService indicators;
    private final IndicatorRepository repository;
    private final AttributeService attributeService;
    private final AttributeRepository attributes;
    private final AssociationRepository associations;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** Savepoint inside the caller's transaction (a playbook step's), or a transaction of its own when there is none. */
    private final TransactionTemplate nested;

    Indicators(IndicatorService indicators, IndicatorRepository repository, AttributeService attributeService,
            AttributeRepository attributes, AssociationRepository associations, AuditLog audit, Clock clock,
            TransactionTemplate transactions) {
        this.indicators = indicators;
        this.repository = repository;
        this.attributeService = attributeService;
        this.attributes = attributes;
        this.associations = associations;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.nested = new TransactionTemplate(transactions.getTransactionManager());
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** An indicator's identity: database id, type id ({@code sha256}, {@code domain}, …) and normalised value. */
    public record Ref(long id, String type, String value) {}

    /** The result of {@link #findOrCreate}. */
    public record Created(Ref indicator, boolean created) {}

    @Transactional(readOnly = true)
    public Optional<Ref> find(long id) {
        return repository.get(id).map(Indicators::ref);
    }

    /**
     * Creates the indicator from user text (defanged forms accepted), or returns the existing one.
     *
     * @throws riposte.server.system.InvalidFieldException naming {@code value} when the text is not an indicator
     */
    public Created findOrCreate(String actor, String value) {
        return findOrCreate(actor, value, Set.of());
    }

    /**
     * {@link #findOrCreate(String, String)} by a caller that runs {@code playbooksRunByCaller} on the indicator itself
     * (a bulk enrichment job): a rule does not start those a second time on a new indicator.
     */
    public Created findOrCreate(String actor, String value, Set<String> playbooksRunByCaller) {
        var outcome = indicators.createOrGet(actor, new IndicatorView.Create(null, value, List.of(), null, null),
                playbooksRunByCaller);
        return new Created(ref(outcome.indicator()), outcome.created());
    }

    /**
     * Sets attribute {@code name} from {@code source}, replacing that source's earlier value and keeping when it was
     * last updated. The definition is created on first use, typed from the value ({@code datetime} for an ISO date
     * or instant, {@code number}, {@code json} for a JSON object or array, else {@code text}).
     */
    public void writeAttribute(String actor, long indicatorId, String name, String value, String source, Instant at) {
        try {
            transactions.executeWithoutResult(tx -> writeOnce(actor, indicatorId, name, value, source, at));
        } catch (DuplicateKeyException race) {
            transactions.executeWithoutResult(tx -> writeOnce(actor, indicatorId, name, value, source, at));
        }
    }

    private void writeOnce(String actor, long indicatorId, String name, String value, String source, Instant at) {
        if (repository.get(indicatorId).isEmpty()) throw new NotFoundException("indicator", indicatorId);
        var definition = attributes.definition(name).orElseGet(() -> createDefinition(actor, name, value));
        attributeService.write(actor, indicatorId, definition, value, source.strip(),
                at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /**
     * Creates the definition of a new attribute name behind a savepoint: when a concurrent writer (another run, another
     * server) creates the same name first, only the savepoint is rolled back and its definition is used. Without the
     * savepoint the unique violation would abort the caller's whole transaction on PostgreSQL (a playbook step's, in
     * which the retry of {@link #writeAttribute} runs too), and the step would fail with "current transaction is
     * aborted".
     */
    private AttributeView.Definition createDefinition(String actor, String name, String value) {
        try {
            return nested.execute(tx -> {
                String type = typeOf(value);
                long id = attributes.insertDefinition(name.strip(), type, null, Sql.now(clock));
                var created = new AttributeView.Definition(id, name.strip(), type, null);
                audit.record(actor, "create", "attribute-definition", id, null, created);
                return created;
            });
        } catch (DuplicateKeyException race) {
            return attributes.definition(name).orElseThrow(() -> race);
        }
    }

    static String typeOf(String value) {
        String v = value.strip();
        if (v.startsWith("{") || v.startsWith("[")) return "json";
        try {
            LocalDate.parse(v);
            return "datetime";
        } catch (DateTimeParseException notADate) {
            // not a date; try an instant, then a number
        }
        try {
            Instant.parse(v);
            return "datetime";
        } catch (DateTimeParseException notAnInstant) {
            // fall through
        }
        return v.matches("-?\\d{1,18}(\\.\\d+)?") ? "number" : "text";
    }

    /**
     * Associates each of {@code values} (created as indicators if new, not enriched) with {@code indicatorId}.
     * Values that are not indicators are skipped. Returns how many associations are new.
     */
    public int associate(String actor, long indicatorId, List<String> values) {
        if (repository.get(indicatorId).isEmpty()) throw new NotFoundException("indicator", indicatorId);
        int added = 0;
        for (String value : values) {
            Ref other;
            try {
                other = findOrCreate(actor, value).indicator();
            } catch (riposte.server.system.InvalidFieldException notAnIndicator) {
                continue;
            }
            if (other.id() == indicatorId) continue;
            Boolean isNew = transactions.execute(tx -> {
                if (associations.exists(indicatorId, other.id()) || associations.exists(other.id(), indicatorId)) {
                    return false;
                }
                associations.insert(indicatorId, other.id(), actor, Sql.now(clock));
                audit.record(actor, "associate", IndicatorService.KIND, indicatorId, null, other);
                return true;
            });
            if (Boolean.TRUE.equals(isNew)) added++;
        }
        return added;
    }

    /** The indicators associated with {@code indicatorId}, in either direction. */
    @Transactional(readOnly = true)
    public List<Ref> associated(long indicatorId) {
        if (repository.get(indicatorId).isEmpty()) throw new NotFoundException("indicator", indicatorId);
        return associations.associated(indicatorId).stream().map(repository::get).flatMap(Optional::stream)
                .map(Indicators::ref).toList();
    }

    private static Ref ref(IndicatorView v) {
        return new Ref(v.id(), v.type(), v.value());
    }
}
