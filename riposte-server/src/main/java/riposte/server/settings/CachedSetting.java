package riposte.server.settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One stored setting held in memory for readers on hot paths. {@link #get()} answers from memory; once the check
 * interval has passed since the last look it reads the stored version (the change stamp, one primary-key read) and
 * reloads the value only if it differs, so a save on another node is seen within the interval. {@link #invalidate()}
 * (after a save on this node commits) makes the next {@link #get()} reload at once.
 *
 * @param <T> the decoded value; {@code decode} gets the stored row, or empty if the key was never saved
 */
final class CachedSetting<T> {
    private record Snapshot<T>(T value, long version, Instant checkedAt) {}

    private final SettingsStore store;
    private final String key;
    private final Function<Optional<SettingsStore.Stored>, T> decode;
    private final Clock clock;
    private final Duration checkInterval;
    private volatile Snapshot<T> snapshot;

    CachedSetting(SettingsStore store, String key, Function<Optional<SettingsStore.Stored>, T> decode, Clock clock,
            Duration checkInterval) {
        this.store = store;
        this.key = key;
        this.decode = decode;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    T get() {
        Snapshot<T> s = snapshot;
        Instant now = clock.instant();
        if (fresh(s, now)) return s.value();
        synchronized (this) {
            s = snapshot;
            if (fresh(s, now)) return s.value();
            if (s != null && store.version(key) == s.version()) {
                s = new Snapshot<>(s.value(), s.version(), now);
            } else {
                Optional<SettingsStore.Stored> stored = store.read(key);
                s = new Snapshot<>(decode.apply(stored), stored.map(SettingsStore.Stored::version).orElse(0L), now);
            }
            snapshot = s;
            return s.value();
        }
    }

    /** Synchronized with the reload in {@link #get()}, so a load that started before the save cannot outlive this. */
    synchronized void invalidate() {
        snapshot = null;
    }

    private boolean fresh(Snapshot<T> s, Instant now) {
        return s != null && now.isBefore(s.checkedAt().plus(checkInterval));
    }
}
