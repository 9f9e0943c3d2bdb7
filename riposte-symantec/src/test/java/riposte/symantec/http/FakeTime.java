package riposte.symantec.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock and sleeper in one: sleeping advances the clock instantly, and every sleep is recorded. */
public final class FakeTime extends Clock implements Sleeper {
    private long nanos;
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public synchronized long nanoTime() {
        return nanos;
    }

    public synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }

    @Override
    public void sleep(Duration d) {
        sleeps.add(d);
        advance(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return Instant.ofEpochSecond(1_700_000_000L).plusNanos(nanos);
    }
}
