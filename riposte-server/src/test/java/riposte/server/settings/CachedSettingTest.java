package riposte.server.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cached snapshot: from memory within the check interval, one version read after it, a reload only on change. */
class CachedSettingTest {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private final FakeStore store = new FakeStore();
    private final SteppedClock clock = new SteppedClock();
    private final CachedSetting<String> cache = new CachedSetting<>(store, "k",
            stored -> stored.map(SettingsStore.Stored::valueJson).orElse("configured"), clock, INTERVAL);

    @Test
    void answersFromMemoryUntilTheIntervalHasPassedThenSeesAnotherNodesSave() {
        assertThat(cache.get()).isEqualTo("configured");
        store.save("saved elsewhere");
        clock.advance(INTERVAL.minusMillis(1));
        assertThat(cache.get()).isEqualTo("configured");
        assertThat(store.versionReads).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get()).isEqualTo("saved elsewhere");
        assertThat(store.versionReads).isEqualTo(1);
        assertThat(store.rowReads).isEqualTo(2);
    }

    @Test
    void anUnchangedVersionCostsOneVersionReadAndNoReload() {
        store.save("a");
        assertThat(cache.get()).isEqualTo("a");
        for (int i = 0; i < 3; i++) {
            clock.advance(INTERVAL);
            assertThat(cache.get()).isEqualTo("a");
        }
        assertThat(store.versionReads).isEqualTo(3);
        assertThat(store.rowReads).isEqualTo(1);
    }

    @Test
    void invalidatingReloadsAtOnce() {
        assertThat(cache.get()).isEqualTo("configured");
        store.save("saved here");
        cache.invalidate();
        assertThat(cache.get()).isEqualTo("saved here");
    }

    @Test
    void aResetRowMeansTheConfiguration() {
        store.save("a");
        assertThat(cache.get()).isEqualTo("a");
        store.save(null);
        cache.invalidate();
        assertThat(cache.get()).isEqualTo("configured");
    }

    /** A store without a database: the test sets its one row and counts the reads. */
    private static final class FakeStore extends SettingsStore {
        private SettingsStore.Stored row;
        int versionReads;
        int rowReads;

        FakeStore() {
            super(null, Clock.systemUTC());
        }

        void save(String value) {
            row = new SettingsStore.Stored("k", value, row == null ? 1 : row.version() + 1, "test", Instant.EPOCH);
        }

        @Override
        public Optional<SettingsStore.Stored> read(String key) {
            rowReads++;
            return Optional.ofNullable(row);
        }

        @Override
        public long version(String key) {
            versionReads++;
            return row == null ? 0 : row.version();
        }
    }

    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
