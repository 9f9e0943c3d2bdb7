package riposte.bench.server;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator on one thread, in the manner of wrk2: requests fall due at a fixed rate whatever the
 * server does; each goes out on an idle kept-alive HTTP/1.1 connection (a new one is opened while all are busy, up to
 * a bound; beyond it requests wait in order), and its latency is measured from when it fell due, so a stalled server
 * shows as latency and not as fewer requests (no coordinated omission).
 *
 * <p>Written by hand rather than with an HTTP client library because what it measures is the server: one thread, one
 * {@link Selector}, a fixed request written as prepared bytes and an answer parsed only as far as its status and its
 * length, no object per request. It costs the shared cores a fraction of what a thread (even a virtual one) per
 * request costs, and the rest is left to the server and its database. The selector waits in whole milliseconds, so a
 * request may go out up to 1 ms after it fell due; that delay counts in its latency.
 */
final class EventLoopLoad {
    /** What one run gave: answers by status class, the first error, latencies in microseconds, the last answer. */
    record Outcome(long ok, long errors, String firstError, Histogram latencyUs, long lastDoneNanos) {}

    private final InetSocketAddress address;
    private final byte[] request;
    private final int maxConnections;

    EventLoopLoad(InetSocketAddress address, byte[] request, int maxConnections) {
        this.address = address;
        this.request = request.clone();
        this.maxConnections = maxConnections;
    }

    /**
     * Sends {@code total} requests, one every {@code periodNanos} from {@code startNanos}, and waits for their answers
     * (at most {@code graceNanos} after the last one fell due); requests still unanswered then count as errors.
     */
    Outcome run(long startNanos, long total, double periodNanos, long graceNanos) throws IOException {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        List<Connection> all = new ArrayList<>();
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        ArrayDeque<Long> waiting = new ArrayDeque<>();
        Tally tally = new Tally(latency);
        long deadline = startNanos + (long) (total * periodNanos) + graceNanos;
        long due = 0;
        try (Selector selector = Selector.open()) {
            while (tally.answered() < total) {
                long now = System.nanoTime();
                if (now > deadline) break;
                for (; due < total && startNanos + (long) (due * periodNanos) <= now; due++) {
                    waiting.add(startNanos + (long) (due * periodNanos));
                }
                while (!waiting.isEmpty()) {
                    Connection c = idle.pollFirst();
                    if (c != null) c.queued = false;
                    if (c == null) {
                        if (all.size() >= maxConnections) break;
                        c = new Connection(selector, address);
                        all.add(c);
                    }
                    c.send(waiting.pollFirst(), request, tally);
                    settle(c, all, idle);
                }
                long next = due < total ? startNanos + (long) (due * periodNanos) - System.nanoTime() : 10_000_000;
                if (next <= 0) selector.selectNow();
                else selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(next)));
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection c = (Connection) key.attachment();
                    c.onReadable(request, tally);
                    settle(c, all, idle);
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (Connection c : all) c.close();
        }
        long unanswered = total - tally.answered();
        if (unanswered > 0) tally.error(unanswered + " not answered in time", unanswered);
        return new Outcome(tally.ok, tally.errors, tally.firstError, latency, tally.lastDone);
    }

    /** Puts a connection that has finished its answer back among the idle ones, and forgets a closed one. */
    private static void settle(Connection c, List<Connection> all, ArrayDeque<Connection> idle) {
        if (c.isClosed()) {
            all.remove(c);
            if (c.queued) idle.remove(c);
            c.queued = false;
        } else if (c.isIdle() && !c.queued) {
            idle.addFirst(c);
            c.queued = true;
        }
    }

    /** Counts answers and records their latency. */
    private static final class Tally {
        private final Histogram latency;
        private long ok;
        private long errors;
        private String firstError;
        private long lastDone;

        Tally(Histogram latency) {
            this.latency = latency;
        }

        long answered() {
            return ok + errors;
        }

        void answered(long dueNanos, int status) {
            if (status == 200) ok++;
            else error("HTTP " + status, 1);
            record(dueNanos);
        }

        void failed(long dueNanos, String what) {
            error(what, 1);
            record(dueNanos);
        }

        private void record(long dueNanos) {
            long now = System.nanoTime();
            latency.recordValue(Math.min((now - dueNanos) / 1000, latency.getHighestTrackableValue()));
            lastDone = Math.max(lastDone, now);
        }

        void error(String what, long n) {
            errors += n;
            if (firstError == null) firstError = what;
        }
    }

    /**
     * One kept-alive connection with at most one request outstanding, and the incremental parse of its answer:
     * status line, headers, then a body of {@code Content-Length} bytes or of chunks (trailers skipped).
     */
    private static final class Connection {
        private enum State { IDLE, STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK, TRAILERS, CLOSED }

        private final Selector selector;
        private final InetSocketAddress address;
        private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        private final byte[] line = new byte[8192];
        private SocketChannel channel;
        private SelectionKey key;
        private State state = State.IDLE;
        private int lineLength;
        /** Whether {@link #line} holds a whole line already used: the next read starts a new one. */
        private boolean lineComplete;
        private long dueNanos;
        private int status;
        private long remaining;
        private boolean chunked;
        private boolean keepAlive;
        /** Whether any byte of the current answer came; a kept-alive connection closed before that is retried. */
        private boolean answering;
        private boolean retried;
        /** Whether it is in the idle queue (kept here so that checking costs nothing). */
        boolean queued;

        Connection(Selector selector, InetSocketAddress address) throws IOException {
            this.selector = selector;
            this.address = address;
            open();
        }

        private void open() throws IOException {
            channel = SocketChannel.open(address); // blocking connect on loopback: immediate
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        boolean isIdle() {
            return state == State.IDLE;
        }

        boolean isClosed() {
            return state == State.CLOSED;
        }

        void send(long due, byte[] request, Tally tally) {
            dueNanos = due;
            retried = false;
            write(request, tally);
        }

        private void write(byte[] request, Tally tally) {
            state = State.STATUS;
            lineLength = 0;
            lineComplete = false;
            answering = false;
            try {
                ByteBuffer out = ByteBuffer.wrap(request);
                // A request of a few hundred bytes fits the socket's send buffer at once; if it ever did not, spinning
                // here briefly is simpler than a write-interest state and the server is draining it anyway.
                while (out.hasRemaining()) channel.write(out);
            } catch (IOException e) {
                failed(request, tally, e);
            }
        }

        void onReadable(byte[] request, Tally tally) {
            try {
                int n = channel.read(in);
                if (n < 0) throw new EOFException("connection closed by the server");
                in.flip();
                if (state == State.IDLE || state == State.CLOSED) {
                    in.clear(); // unexpected bytes between answers: nothing is outstanding
                    return;
                }
                answering |= in.hasRemaining();
                parse(tally);
                in.compact();
            } catch (IOException | RuntimeException e) {
                failed(request, tally, e);
            }
        }

        /** A failure on this connection: the request is sent again once on a new one if nothing was answered yet. */
        private void failed(byte[] request, Tally tally, Exception e) {
            boolean outstanding = state != State.IDLE && state != State.CLOSED;
            closeChannel();
            if (outstanding && !answering && !retried) {
                try {
                    in.clear();
                    open();
                    retried = true;
                    write(request, tally);
                    return;
                } catch (IOException again) {
                    e = again;
                }
            }
            state = State.CLOSED;
            if (outstanding) tally.failed(dueNanos, e.getClass().getSimpleName());
        }

        private void parse(Tally tally) throws IOException {
            while (true) {
                switch (state) {
                    case STATUS -> {
                        if (!readLine()) return;
                        if (lineLength < 12 || line[0] != 'H') throw new IOException("not an HTTP status line");
                        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
                        remaining = -1;
                        chunked = false;
                        keepAlive = true;
                        state = State.HEADERS;
                    }
                    case HEADERS -> {
                        if (!readLine()) return;
                        if (lineLength > 0) {
                            header();
                        } else if (chunked) {
                            state = State.CHUNK_SIZE;
                        } else if (remaining >= 0) {
                            state = State.BODY;
                        } else {
                            throw new IOException("an answer without Content-Length or chunks");
                        }
                    }
                    case BODY, CHUNK -> {
                        int skip = (int) Math.min(remaining, in.remaining());
                        in.position(in.position() + skip);
                        remaining -= skip;
                        if (remaining > 0) return;
                        if (state == State.CHUNK) {
                            state = State.CHUNK_SIZE;
                        } else {
                            done(tally);
                            return;
                        }
                    }
                    case CHUNK_SIZE -> {
                        if (!readLine()) return;
                        int end = 0;
                        while (end < lineLength && line[end] != ';' && line[end] != ' ') end++;
                        long size = Long.parseLong(new String(line, 0, end, java.nio.charset.StandardCharsets.US_ASCII), 16);
                        if (size == 0) {
                            state = State.TRAILERS;
                        } else {
                            remaining = size + 2; // the chunk and its CRLF
                            state = State.CHUNK;
                        }
                    }
                    case TRAILERS -> {
                        if (!readLine()) return;
                        if (lineLength == 0) {
                            done(tally);
                            return;
                        }
                    }
                    case IDLE, CLOSED -> {
                        return;
                    }
                }
            }
        }

        private void done(Tally tally) {
            tally.answered(dueNanos, status);
            if (keepAlive) {
                state = State.IDLE;
            } else {
                closeChannel();
                state = State.CLOSED;
            }
        }

        private void header() {
            if (startsWith("content-length:")) remaining = Long.parseLong(value(15));
            else if (startsWith("transfer-encoding:")) chunked = value(18).toLowerCase(java.util.Locale.ROOT).contains("chunked");
            else if (startsWith("connection:")) keepAlive = !value(11).equalsIgnoreCase("close");
        }

        /** Reads up to the next LF into {@link #line} (CRs dropped); false when the line is not complete yet. */
        private boolean readLine() {
            if (lineComplete) {
                lineLength = 0;
                lineComplete = false;
            }
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    lineComplete = true;
                    return true;
                }
                if (b != '\r' && lineLength < line.length) line[lineLength++] = b;
            }
            return false;
        }

        private boolean startsWith(String lowerCaseName) {
            if (lineLength < lowerCaseName.length()) return false;
            for (int i = 0; i < lowerCaseName.length(); i++) {
                if (Character.toLowerCase(line[i]) != lowerCaseName.charAt(i)) return false;
            }
            return true;
        }

        private String value(int from) {
            return new String(line, from, lineLength - from, java.nio.charset.StandardCharsets.US_ASCII).strip();
        }

        private void closeChannel() {
            if (key != null) key.cancel();
            try {
                if (channel != null) channel.close();
            } catch (IOException e) {
                // nothing to do
            }
        }

        void close() {
            closeChannel();
            state = State.CLOSED;
        }
    }
}
