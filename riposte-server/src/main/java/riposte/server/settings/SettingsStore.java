package riposte.server.settings;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/**
 * The {@code settings} table: one row per key with its value as JSON text, a version counting every save and reset,
 * and who saved it when. A key never saved has no row and is at version 0; a reset keeps the row with a null value
 * (so the version keeps counting and a client holding an older version still gets a conflict).
 */
@Repository
public class SettingsStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    SettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A stored setting.
     *
     * @param valueJson the saved value, or null after a reset (the configuration applies)
     */
    public record Stored(String key, String valueJson, long version, String updatedBy, Instant updatedAt) {}

    public Optional<Stored> read(String key) {
        return jdbc.sql("select setting_key, value_json, version, updated_by, updated_at from settings"
                        + " where setting_key = :key").param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Sql.instant(rs, "updated_at")))
                .optional();
    }

    /** The change stamp: the key's version, 0 if it was never saved. */
    public long version(String key) {
        return jdbc.sql("select version from settings where setting_key = :key").param("key", key).query(Long.class)
                .optional().orElse(0L);
    }

    /**
     * Saves {@code valueJson} (null: reset to the configuration) if the key is still at {@code expectedVersion}, and
     * returns what is stored now (at the next version).
     *
     * @throws VersionConflictException if someone saved the key since {@code expectedVersion}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Stored write(String key, String valueJson, long expectedVersion, String actor) {
        Instant now = Sql.now(clock);
        int changed = jdbc.sql("""
                update settings set value_json = :value, version = version + 1, updated_by = :actor, updated_at = :at
                where setting_key = :key and version = :version""")
                .param("value", valueJson).param("actor", actor).param("at", Sql.ts(now)).param("key", key)
                .param("version", expectedVersion).update();
        if (changed == 0 && expectedVersion == 0) {
            try {
                changed = jdbc.sql("""
                        insert into settings (setting_key, value_json, version, updated_by, updated_at)
                        values (:key, :value, 1, :actor, :at)""")
                        .param("key", key).param("value", valueJson).param("actor", actor).param("at", Sql.ts(now))
                        .update();
            } catch (DuplicateKeyException e) {
                changed = 0; // another save of the first version won
            }
        }
        if (changed == 0) throw new VersionConflictException("setting", key, expectedVersion);
        return new Stored(key, valueJson, expectedVersion + 1, actor, now);
    }
}
