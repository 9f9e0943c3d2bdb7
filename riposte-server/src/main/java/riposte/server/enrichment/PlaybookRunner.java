package riposte.server.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import riposte.core.playbook.Expressions;
import riposte.core.playbook.FunctionCatalog;
import riposte.core.playbook.PlaybookCatalog;
import riposte.core.playbook.PlaybookLoader;
import riposte.core.playbook.PlaybookDefinition;
import riposte.core.playbook.PlaybookEngine;
import riposte.core.playbook.PlaybookPorts;
import riposte.core.playbook.PlaybookRun;
import riposte.core.playbook.PlaybookSubject;
import riposte.core.playbook.RunState;
import riposte.core.playbook.StepRun;
import riposte.core.playbook.Trigger;

/**
 * Runs one playbook to its end for bulk enrichment. Today it uses the core in-memory engine against the server's
 * {@link PlaybookPorts} (waiting out retries on the calling virtual thread); when the durable runs land, this is the
 * one class to switch to them. A run that waits for an approval is cancelled: bulk work never asks for one.
 */
@Component
class PlaybookRunner {
    /** How a run ended: its state, why it failed, whether every Threat Intel answer came from the cache, outputs. */
    record Result(RunState state, String failure, boolean fromCache, Map<String, Object> outputs) {}

    // Own instances, not beans: the durable engine will bring the server's catalogue and expressions.
    private final Expressions expressions = new Expressions();
    private final PlaybookCatalog builtIns = new PlaybookLoader(FunctionCatalog.symantec(), expressions).load(null);
    private final PlaybookPorts ports;
    private final Clock clock;

    PlaybookRunner(PlaybookPorts ports, Clock clock) {
        this.ports = ports;
        this.clock = clock;
    }

    /** The built-in playbooks. */
    PlaybookCatalog catalog() {
        return builtIns;
    }

    Result runToEnd(PlaybookDefinition playbook, PlaybookSubject subject, Map<String, ?> inputs, Trigger trigger)
            throws InterruptedException {
        // One engine per run: the in-memory engine serialises its runs on one lock.
        var engine = new PlaybookEngine(expressions, ports, clock);
        PlaybookRun run = engine.start(playbook, subject, inputs, trigger);
        while (!run.state().terminal()) {
            if (run.wakeAt() == null) {
                run = engine.cancel(run.id(), "bulk", "bulk enrichment does not wait for approvals");
                break;
            }
            Duration wait = Duration.between(clock.instant(), run.wakeAt());
            if (!wait.isNegative() && !wait.isZero()) Thread.sleep(wait.toMillis() + 1);
            run = engine.advance(run.id());
        }
        boolean fromCache = true;
        boolean asked = false;
        for (StepRun s : engine.steps(run.id())) {
            if (s.outputs().get("cached") instanceof Boolean cached) {
                asked = true;
                fromCache &= cached;
            }
        }
        return new Result(run.state(), run.failure() == null ? null : run.failure().toString(), asked && fromCache,
                run.outputs());
    }

    Instant now() {
        return clock.instant();
    }
}
