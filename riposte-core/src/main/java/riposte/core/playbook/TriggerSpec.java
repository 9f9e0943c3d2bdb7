package riposte.core.playbook;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An automatic trigger of a playbook, declared under {@code triggers:} in its YAML. Manual starts (API, console,
 * CLI) need no declaration: every playbook can be started by hand on an object it applies to.
 *
 * <pre>{@code
 * triggers:
 *   - rule: indicator.type == 'sha256'   # on every new object of the playbook's kind for which this holds
 *   - schedule: "0 0 3 * * *"            # at 03:00 every day, on every object the playbook applies to
 * }</pre>
 */
public sealed interface TriggerSpec {

    /** On a new object of the playbook's kind (indicator or artifact) for which {@code condition} (CEL) holds. */
    record Rule(String condition) implements TriggerSpec {
        public Rule {
            if (condition == null || condition.isBlank()) condition = "true";
        }
    }

    /**
     * On a cron schedule (six fields: second minute hour day-of-month month day-of-week, as Spring and db-scheduler
     * read them), on every object of the playbook's kind for which its activation condition holds.
     */
    record Schedule(String cron) implements TriggerSpec {
        private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*?/,#\\-]+");

        public Schedule {
            Objects.requireNonNull(cron, "cron");
        }

        /** Null when {@code cron} has the six-field shape, else what is wrong (the server checks the values). */
        public static String shapeProblem(String cron) {
            String[] fields = cron.strip().split("\\s+");
            if (fields.length != 6) {
                return "a cron schedule has six fields (second minute hour day-of-month month day-of-week), e.g. "
                        + "'0 0 3 * * *'; '" + cron + "' has " + fields.length;
            }
            for (String f : fields) {
                if (!FIELD.matcher(f).matches()) return "'" + f + "' is not a cron field";
            }
            return null;
        }
    }
}
