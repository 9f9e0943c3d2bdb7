package riposte.core.playbook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a playbook. Every expression field holds CEL source over the variables {@code indicator},
 * {@code artifact}, {@code incident} or {@code row} (the object), {@code inputs}, {@code steps} (earlier steps'
 * outputs by step id) and {@code run} ({@code id}, {@code playbook}, {@code startedAt}). Maps keep YAML order.
 */
public sealed interface Step {

    /** Unique within the playbook (including nested branch steps). */
    String id();

    /** The YAML key that selects this step type, e.g. {@code call}. */
    String type();

    /** The step types by YAML key, in documentation order. */
    List<String> TYPES = List.of("call", "poll", "branch", "writeAttributes", "writeRow", "note", "attachment",
            "report", "addIndicators", "approval");

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Calls {@code function} once with the evaluated {@code with} expressions; its outputs are the function's. */
    record Call(String id, String function, Map<String, String> with, RetryPolicy retry) implements Step {
        public Call {
            Objects.requireNonNull(function, "function");
            with = ordered(with);
            if (retry == null) retry = RetryPolicy.DEFAULT;
        }

        @Override
        public String type() {
            return "call";
        }
    }

    /**
     * Calls {@code function} every {@code interval} (multiplied by {@code backoff} after each call, at most
     * {@code maxInterval}) until {@code until} (CEL over {@code result}, the latest reply) is true, or times the run
     * out after {@code timeout}. Outputs are the last reply.
     */
    record Poll(String id, String function, Map<String, String> with, String until, Duration interval,
            double backoff, Duration maxInterval, Duration timeout, RetryPolicy retry) implements Step {
        public Poll {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(until, "until");
            with = ordered(with);
            if (interval == null) interval = Duration.ofSeconds(30);
            if (backoff < 1.0) backoff = 1.0;
            if (maxInterval == null) maxInterval = Duration.ofMinutes(10);
            if (timeout == null) timeout = Duration.ofHours(1);
            if (retry == null) retry = RetryPolicy.DEFAULT;
        }

        @Override
        public String type() {
            return "poll";
        }

        /** The wait after the {@code polls}-th call. */
        public Duration delayAfter(int polls) {
            Duration d = RetryPolicy.scaled(interval, backoff, polls - 1);
            return d.compareTo(maxInterval) > 0 ? maxInterval : d;
        }
    }

    /** Runs {@code then} if {@code condition} is true, else {@code otherwise}; outputs {@code taken: true|false}. */
    record Branch(String id, String condition, List<Step> then, List<Step> otherwise) implements Step {
        public Branch {
            Objects.requireNonNull(condition, "condition");
            then = then == null ? List.of() : List.copyOf(then);
            otherwise = otherwise == null ? List.of() : List.copyOf(otherwise);
        }

        @Override
        public String type() {
            return "branch";
        }
    }

    /**
     * Writes attributes on the object: name → value expression. Lists are joined with {@code ", "}; null values are
     * skipped. Each attribute records {@code source} and the time written.
     */
    record WriteAttributes(String id, Map<String, String> attributes, String source) implements Step {
        public WriteAttributes {
            attributes = ordered(attributes);
            if (source == null || source.isBlank()) source = "Riposte";
        }

        @Override
        public String type() {
            return "writeAttributes";
        }
    }

    /**
     * Creates or updates rows of data table {@code table} on the object's incident. With {@code forEach} (a list
     * expression) one row per element, bound to {@code item}; with {@code key} the row whose key matches is updated.
     */
    record WriteRow(String id, String table, String forEach, String key, Map<String, String> values) implements Step {
        public WriteRow {
            Objects.requireNonNull(table, "table");
            values = ordered(values);
        }

        @Override
        public String type() {
            return "writeRow";
        }
    }

    /** Adds a note (text expression) to the object. */
    record AddNote(String id, String text) implements Step {
        public AddNote {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String type() {
            return "note";
        }
    }

    /** Attaches {@code content} (string expression) as a file named by the {@code name} expression. */
    record AddAttachment(String id, String name, String contentType, String content) implements Step {
        public AddAttachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            if (contentType == null || contentType.isBlank()) contentType = "text/plain";
        }

        @Override
        public String type() {
            return "attachment";
        }
    }

    /**
     * Creates a report associated with the object, titled by the {@code title} expression, whose description block
     * is {@code fields} (label → value expression, in order); {@code raw} optionally keeps a JSON body.
     */
    record CreateReport(String id, String title, Map<String, String> fields, String raw) implements Step {
        public CreateReport {
            Objects.requireNonNull(title, "title");
            fields = ordered(fields);
        }

        @Override
        public String type() {
            return "report";
        }
    }

    /**
     * Adds the indicator values of the {@code values} list expression to the object, as associated indicators or as
     * artifacts ({@code as}). They are not enriched.
     */
    record AddIndicators(String id, String values, Association as) implements Step {
        /** How new indicators relate to the object. */
        public enum Association { ASSOCIATED, ARTIFACT }

        public AddIndicators {
            Objects.requireNonNull(values, "values");
            if (as == null) as = Association.ASSOCIATED;
        }

        @Override
        public String type() {
            return "addIndicators";
        }
    }

    /**
     * Waits until a person approves ({@code approved: true}) or rejects (the run fails) the run, or times it out.
     * For a destructive playbook the approver must not be the person who started the run.
     */
    record Approval(String id, String message, Duration timeout) implements Step {
        public Approval {
            if (message == null || message.isBlank()) message = "'Approve this run?'";
        }

        @Override
        public String type() {
            return "approval";
        }
    }
}
