package riposte.server.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** Conversions that behave the same on H2 and PostgreSQL. */
public final class Sql {
    private Sql() {}

    /** Timestamps are bound as UTC {@link OffsetDateTime}, which both drivers map to "timestamp with time zone". */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Now, at the microsecond precision PostgreSQL keeps, so that a value reads back as it was written. */
    public static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Lower-case hex SHA-256 of the UTF-8 text; used where a long value needs a short unique key. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A LIKE pattern (for {@code lower(column) like :p escape '\'}) matching {@code text} anywhere, case-insensitively,
     * with LIKE's wildcards in {@code text} taken literally; null for null.
     */
    public static String containsPattern(String text) {
        if (text == null) return null;
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
