package riposte.cli.io;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import riposte.core.indicator.Indicator;

/**
 * Runs one piece of work per distinct indicator on virtual threads, at most {@code concurrency} at a time, and
 * hands the results to a sink <em>in input order</em> as soon as each one and all before it are done.
 *
 * <p>Memory stays bounded whatever the input size: the reader blocks once {@code 4 × concurrency} items are
 * waiting to be written (back-pressure), and only the set of indicators already seen grows (for de-duplication).
 * Invalid lines and duplicates travel through the same ordered queue, so reports keep the input's order.
 */
public final class BulkRunner<T> {

    /** What the sink receives for each input line. */
    public sealed interface Item<T> {
        record Done<T>(String origin, Indicator indicator, T result) implements Item<T> {}

        record Duplicate<T>(String origin, Indicator indicator) implements Item<T> {}

        record Invalid<T>(InputLine.Invalid line) implements Item<T> {}
    }

    /** Receives items in input order, on the calling thread. Returning false stops the run (e.g. after a fatal error). */
    @FunctionalInterface
    public interface Sink<T> {
        boolean accept(Item<T> item);
    }

    private final int concurrency;
    private final Function<Indicator, T> work;

    public BulkRunner(int concurrency, Function<Indicator, T> work) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        this.concurrency = concurrency;
        this.work = work;
    }

    /** Runs to the end of the input, or until the sink returns false. Returns true if the input was finished. */
    public boolean run(Iterator<InputLine> input, Sink<T> sink) throws InterruptedException {
        BlockingQueue<Future<Item<T>>> pending = new ArrayBlockingQueue<>(concurrency * 4);
        Semaphore permits = new Semaphore(concurrency);
        AtomicBoolean stopped = new AtomicBoolean();
        CompletableFuture<Item<T>> endOfInput = new CompletableFuture<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> reader = threads.submit(() -> {
                try {
                    read(input, pending, permits, stopped, threads);
                } finally {
                    if (!stopped.get()) pending.put(endOfInput);
                }
                return null;
            });
            boolean finished;
            try {
                finished = drain(pending, endOfInput, sink, stopped);
            } catch (RuntimeException | Error | InterruptedException e) {
                stop(stopped, pending, reader);
                throw e;
            }
            if (finished) {
                get(reader); // surfaces a failure to read the input
            } else {
                stop(stopped, pending, reader);
            }
            return finished;
        }
    }

    private static void stop(AtomicBoolean stopped, BlockingQueue<?> pending, Future<?> reader) {
        stopped.set(true);
        pending.clear(); // unblocks the reader if it waits on a full queue
        reader.cancel(true);
    }

    private void read(Iterator<InputLine> input, BlockingQueue<Future<Item<T>>> pending, Semaphore permits,
                      AtomicBoolean stopped, ExecutorService threads) throws InterruptedException {
        Set<Indicator> seen = new HashSet<>();
        while (!stopped.get() && input.hasNext()) {
            InputLine line = input.next();
            switch (line) {
                case InputLine.Invalid invalid -> pending.put(CompletableFuture.completedFuture(new Item.Invalid<>(invalid)));
                case InputLine.Parsed parsed when !seen.add(parsed.indicator()) ->
                        pending.put(CompletableFuture.completedFuture(new Item.Duplicate<>(parsed.origin(), parsed.indicator())));
                case InputLine.Parsed parsed -> {
                    permits.acquire();
                    Future<Item<T>> f;
                    try {
                        f = threads.submit(() -> {
                            try {
                                return new Item.Done<>(parsed.origin(), parsed.indicator(), work.apply(parsed.indicator()));
                            } finally {
                                permits.release();
                            }
                        });
                    } catch (RuntimeException e) {
                        permits.release();
                        throw e;
                    }
                    pending.put(f);
                }
            }
        }
    }

    private boolean drain(BlockingQueue<Future<Item<T>>> pending, Future<Item<T>> endOfInput, Sink<T> sink,
                          AtomicBoolean stopped) throws InterruptedException {
        while (true) {
            Future<Item<T>> next = pending.take();
            if (next == endOfInput) return true;
            if (!sink.accept(get(next))) return false;
            if (stopped.get()) return false;
        }
    }

    private static <V> V get(Future<V> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
