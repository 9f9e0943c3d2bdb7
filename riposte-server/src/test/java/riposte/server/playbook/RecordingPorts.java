package riposte.server.playbook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import riposte.core.playbook.FunctionException;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.PlaybookPorts;
import riposte.core.playbook.StepError;

/**
 * Ports for engine tests, until the server adapters (riposte.server.playbook.ports) and the SES function invoker are
 * on main: notes and attributes are recorded (so tests can count how often a step's effect happened), functions
 * answer from a script per function and first input value (a reply, a transient failure, or blocking until
 * released).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingPorts {

    @Bean
    Recorder recorder() {
        return new Recorder();
    }

    /** Primary over the server's own ports bean. */
    @Bean
    @Primary
    PlaybookPorts recordingPlaybookPorts(Recorder recorder) {
        return recorder.ports();
    }

    /** What the ports did, and the function script. Thread-safe. */
    public static final class Recorder {
        /** A note as written: on what, the text. */
        public record Note(ObjectRef object, String text) {}

        public final List<Note> notes = new CopyOnWriteArrayList<>();
        public final List<String> calls = new CopyOnWriteArrayList<>();
        private final Map<String, Deque<Function<Map<String, Object>, Map<String, Object>>>> script =
                new ConcurrentHashMap<>();

        private final Map<String, CountDownLatch[]> blockedNotes = new ConcurrentHashMap<>();

        PlaybookPorts ports() {
            return new PlaybookPorts(this::invoke, (object, attribute) -> { }, this::note, null, null, null, null);
        }

        /**
         * The first note with exactly {@code text} signals {@code entered}, blocks (uninterruptibly) until
         * {@code release} opens, then fails without being recorded: a note step whose server stopped in the middle of
         * its transaction. Later notes with that text are recorded as usual.
         */
        public void blockNoteOnce(String text, CountDownLatch entered, CountDownLatch release) {
            blockedNotes.put(text, new CountDownLatch[] {entered, release});
        }

        private void note(ObjectRef object, String text, String author) {
            CountDownLatch[] block = blockedNotes.remove(text);
            if (block != null) {
                block(block[0], block[1], Map.of()).apply(Map.of());
                throw new IllegalStateException("the server executing this note stopped");
            }
            notes.add(new Note(object, text));
        }

        /** Scripts the next calls of {@code function} whose first input is {@code key}, in order. */
        @SafeVarargs
        public final void on(String function, String key, Function<Map<String, Object>, Map<String, Object>>... next) {
            script.computeIfAbsent(function + ":" + key, k -> new ArrayDeque<>()).addAll(List.of(next));
        }

        public static Function<Map<String, Object>, Map<String, Object>> reply(Map<String, Object> reply) {
            return in -> reply;
        }

        public static Function<Map<String, Object>, Map<String, Object>> failTransiently(String message) {
            return in -> {
                throw new FunctionException(StepError.Kind.TRANSIENT, message);
            };
        }

        /** Signals {@code entered}, then blocks until {@code release} opens (uninterruptibly), then replies. */
        public static Function<Map<String, Object>, Map<String, Object>> block(CountDownLatch entered,
                CountDownLatch release, Map<String, Object> reply) {
            return in -> {
                entered.countDown();
                boolean interrupted = false;
                while (true) {
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) Thread.currentThread().interrupt();
                return reply;
            };
        }

        /** Notes on the object of that kind ({@code indicator}, {@code row}...) and id. */
        public List<String> notesOn(String kind, String objectId) {
            return notes.stream().filter(n -> n.object().kind().variable().equals(kind) && n.object().id().equals(objectId))
                    .map(Note::text).toList();
        }

        /** Notes on the indicator with that id. */
        public List<String> notesOn(String indicatorId) {
            return notesOn("indicator", indicatorId);
        }

        private Map<String, Object> invoke(String function, Map<String, Object> inputs) {
            String key = function + ":" + (inputs.isEmpty() ? "" : String.valueOf(inputs.values().iterator().next()));
            calls.add(key);
            Deque<Function<Map<String, Object>, Map<String, Object>>> next = script.get(key);
            Function<Map<String, Object>, Map<String, Object>> behaviour;
            synchronized (this) {
                behaviour = next == null ? null : next.size() > 1 ? next.poll() : next.peek();
            }
            if (behaviour == null) throw new FunctionException(StepError.Kind.PERMANENT, "no script for " + key);
            return behaviour.apply(inputs);
        }
    }
}
