package riposte.server.playbook.ports;

import java.util.function.Supplier;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import riposte.core.playbook.FunctionException;
import riposte.core.playbook.ObjectKind;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.StepError;
import riposte.server.artifact.Artifacts;
import riposte.server.datatable.DataTables;
import riposte.server.indicator.Indicators;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;

/**
 * Resolves the object of a run to what a port needs (its incident, its indicator) and turns the services' errors
 * into step errors: bad values and missing objects are permanent, transient database failures are retried.
 */
@Component
class Subjects {
    /** Who port writes are recorded as in the audit log. */
    static final String ACTOR = "playbook";

    private final Indicators indicators;
    private final Artifacts artifacts;
    private final DataTables tables;

    Subjects(Indicators indicators, Artifacts artifacts, DataTables tables) {
        this.indicators = indicators;
        this.artifacts = artifacts;
        this.tables = tables;
    }

    static long id(ObjectRef object) {
        try {
            return Long.parseLong(object.id());
        } catch (NumberFormatException e) {
            throw permanent(object + ": the object id must be a database id (a number)");
        }
    }

    /** The incident of an incident, artifact or row; indicators have none. */
    long incidentOf(ObjectRef object, String what) {
        long id = id(object);
        return switch (object.kind()) {
            case INCIDENT -> id;
            case ARTIFACT -> artifacts.find(id).orElseThrow(() -> permanent("there is no artifact " + id)).incidentId();
            case ROW -> tables.incidentOf(id).orElseThrow(() -> permanent("there is no data-table row " + id));
            case INDICATOR -> throw permanent(what + " need an incident: run the playbook on an incident, artifact or "
                    + "data-table row, not on an indicator");
        };
    }

    /** The indicator of an indicator, or of an artifact (created if new); other kinds have none. */
    long indicatorOf(ObjectRef object, String what) {
        long id = id(object);
        if (object.kind() == ObjectKind.INDICATOR) {
            if (indicators.find(id).isEmpty()) throw permanent("there is no indicator " + id);
            return id;
        }
        if (object.kind() == ObjectKind.ARTIFACT) {
            var artifact = artifacts.find(id).orElseThrow(() -> permanent("there is no artifact " + id));
            return indicators.findOrCreate(ACTOR, artifact.value()).indicator().id();
        }
        throw permanent(what + " are kept on indicators and artifacts, not on " + object.kind().variable() + "s");
    }

    /** Runs {@code work}, classifying the services' exceptions for the engine. */
    static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidFieldException e) {
            throw permanent(String.join("; ", e.problems().stream().map(p -> p.field() + ": " + p.message()).toList()));
        } catch (NotFoundException e) {
            throw permanent(e.getMessage());
        } catch (TransientDataAccessException e) {
            throw new FunctionException(StepError.Kind.TRANSIENT, "the database is busy: " + e.getClass().getSimpleName());
        }
    }

    static FunctionException permanent(String message) {
        return new FunctionException(StepError.Kind.PERMANENT, message);
    }
}
