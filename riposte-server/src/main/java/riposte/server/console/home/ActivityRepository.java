package riposte.server.console.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import riposte.server.system.Sql;

/**
 * Daily counts for the start page's chart, grouped by the database (one row per day and verdict, whatever the number
 * of incidents and indicators), read-only. The feature services list objects; this is the one aggregate the console
 * needs, so it lives here rather than widening their APIs.
 */
@Repository
class ActivityRepository {
    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Incidents created per day (UTC) since {@code since}. */
    Map<LocalDate, Long> incidentsPerDay(Instant since) {
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.sql("select cast(created_at as date) as d, count(*) as n from incidents where created_at >= :since"
                        + " group by cast(created_at as date)")
                .param("since", Sql.ts(since))
                .query(rs -> {
                    counts.put(rs.getObject("d", LocalDate.class), rs.getLong("n"));
                });
        return counts;
    }

    /** Indicators added per day (UTC) since {@code since}, by their verdict now. */
    Map<LocalDate, Map<String, Long>> indicatorsPerDayAndVerdict(Instant since) {
        Map<LocalDate, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql("select cast(created_at as date) as d, verdict, count(*) as n from indicators"
                        + " where created_at >= :since group by cast(created_at as date), verdict")
                .param("since", Sql.ts(since))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getObject("d", LocalDate.class), k -> new HashMap<>())
                            .put(rs.getString("verdict"), rs.getLong("n"));
                });
        return counts;
    }
}
