package riposte.server.indicator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.audit.AuditLog;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.Sql;

/** Attribute values: one per indicator and definition, upserted with source and last-updated. */
@Service
public class AttributeService {
    static final String KIND = "attribute";
    private final AttributeRepository attributes;
    private final IndicatorRepository indicators;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AttributeService(AttributeRepository attributes, IndicatorRepository indicators, AuditLog audit, Clock clock,
            TransactionTemplate transactions) {
        this.attributes = attributes;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    public List<AttributeView.Definition> definitions() {
        return attributes.definitions();
    }

    @Transactional(readOnly = true)
    public List<AttributeView> list(long indicatorId) {
        requireIndicator(indicatorId);
        return attributes.values(indicatorId);
    }

    /** Sets the value; a concurrent first insert by another server is retried as an update. */
    AttributeView upsert(String actor, long indicatorId, AttributeView.Upsert u) {
        try {
            return transactions.execute(tx -> upsertOnce(actor, indicatorId, u));
        } catch (DuplicateKeyException race) {
            return transactions.execute(tx -> upsertOnce(actor, indicatorId, u));
        }
    }

    private AttributeView upsertOnce(String actor, long indicatorId, AttributeView.Upsert u) {
        requireIndicator(indicatorId);
        var definition = attributes.definition(u.name()).orElseThrow(() -> new InvalidFieldException("name",
                "'" + u.name() + "' is not an attribute definition: expected one of "
                        + attributes.definitions().stream().map(AttributeView.Definition::name)
                        .collect(Collectors.joining(", "))));
        return write(actor, indicatorId, definition, u.value(), u.source().strip(), Sql.now(clock));
    }

    /** Sets the value of {@code definition} from {@code source}, replacing that source's earlier value. */
    AttributeView write(String actor, long indicatorId, AttributeView.Definition definition, String value,
            String source, Instant now) {
        var before = attributes.value(indicatorId, definition.id(), source);
        if (before.isPresent()) {
            attributes.update(indicatorId, definition.id(), value, source, now);
        } else {
            attributes.insert(indicatorId, definition.id(), value, source, now);
        }
        AttributeView after = attributes.value(indicatorId, definition.id(), source).orElseThrow();
        audit.record(actor, before.isPresent() ? "update" : "create", KIND,
                indicatorId + "/" + definition.id(), before.orElse(null), after);
        return after;
    }

    private void requireIndicator(long id) {
        if (indicators.get(id).isEmpty()) throw new NotFoundException("indicator", id);
    }
}
