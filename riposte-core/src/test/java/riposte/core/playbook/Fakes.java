package riposte.core.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riposte.core.enrichment.MutableClock;

/** In-memory fakes of the playbook ports, and a clock tests move by hand. */
final class Fakes {
    final MutableClock clock = new MutableClock(Instant.parse("2021-04-27T21:29:19.123Z"));
    final Functions functions = new Functions();
    final List<ObjectRef> attributeTargets = new ArrayList<>();
    final Map<String, AttributeWriter.Attribute> attributes = new LinkedHashMap<>();
    final List<ReportWriter.Report> reports = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    final List<String> indicators = new ArrayList<>();
    final Map<String, String> attachments = new LinkedHashMap<>();
    final Map<String, byte[]> attachmentBytes = new LinkedHashMap<>();

    PlaybookPorts ports() {
        return new PlaybookPorts(functions,
                (object, attribute) -> {
                    attributeTargets.add(object);
                    attributes.put(attribute.name(), attribute);
                },
                (object, text, author) -> notes.add(text),
                (object, report) -> {
                    reports.add(report);
                    return "report-" + reports.size();
                },
                (object, table, key, values) -> {
                    String id = key != null ? table + ":" + key : table + ":" + (rows.size() + 1);
                    rows.merge(id, new LinkedHashMap<>(values), (a, b) -> {
                        a.putAll(b);
                        return a;
                    });
                    return id;
                },
                (object, name, type, content) -> {
                    attachments.put(name, new String(content, java.nio.charset.StandardCharsets.UTF_8));
                    attachmentBytes.put(name, content.clone());
                    return "attachment-" + attachments.size();
                },
                (object, values, as) -> {
                    indicators.addAll(values);
                    return values.size();
                });
    }

    PlaybookEngine engine() {
        return new PlaybookEngine(new Expressions(), ports(), clock);
    }

    /** Scripted replies per function: each call takes the next; the last one repeats. */
    static final class Functions implements FunctionInvoker {
        private final Map<String, Deque<Object>> script = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        final List<Map<String, Object>> inputs = new ArrayList<>();

        /** Each reply is a Map (returned) or a RuntimeException (thrown). */
        Functions on(String function, Object... replies) {
            script.computeIfAbsent(function, f -> new ArrayDeque<>()).addAll(List.of(replies));
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> invoke(String function, Map<String, Object> in) {
            calls.add(function);
            inputs.add(in);
            Deque<Object> replies = script.get(function);
            if (replies == null || replies.isEmpty()) throw new AssertionError("unexpected call " + function);
            Object next = replies.size() > 1 ? replies.poll() : replies.peek();
            if (next instanceof RuntimeException e) throw e;
            return (Map<String, Object>) next;
        }

        long count(String function) {
            return calls.stream().filter(function::equals).count();
        }
    }
}
