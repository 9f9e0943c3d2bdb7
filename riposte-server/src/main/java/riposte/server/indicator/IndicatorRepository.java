package riposte.server.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.core.enrichment.Verdict;
import riposte.server.system.PageQuery;
import riposte.server.system.SortOrder;
import riposte.server.system.Sql;
import riposte.server.system.Where;

/** Indicator rows and their tags. */
@Repository
class IndicatorRepository {
    private static final Map<String, String> SORTABLE = Map.of("id", "id", "type", "indicator_type",
            "verdict", "verdict", "confidence", "confidence", "createdAt", "created_at", "updatedAt", "updated_at");
    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Criteria, each ignored when null; {@code text} is a case-insensitive substring of the value. */
    record Filter(String type, Verdict verdict, String tag, String text, String attribute, String attributeValue) {}

    List<IndicatorView> find(Filter filter, String sort, PageQuery page) {
        Where where = where(filter);
        List<IndicatorView> rows = where.bind(jdbc.sql("select * from indicators" + where.sql()
                        + SortOrder.orderBy(sort, SORTABLE, "id desc") + " limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset())
                .query(IndicatorRepository::map).list();
        return withTags(rows);
    }

    long count(Filter filter) {
        Where where = where(filter);
        return where.bind(jdbc.sql("select count(*) from indicators" + where.sql())).query(Long.class).single();
    }

    private static Where where(Filter f) {
        return new Where()
                .and("indicator_type = :type", "type", f.type())
                .and("verdict = :verdict", "verdict", f.verdict() == null ? null : f.verdict().name())
                .and("id in (select indicator_id from indicator_tags where tag = :tag)", "tag", f.tag())
                .and("lower(indicator_value) like :text escape '\\'", "text", Sql.containsPattern(f.text()))
                .and("id in (select v.indicator_id from attribute_values v join attribute_definitions d"
                        + " on d.id = v.definition_id where lower(d.name) = :attribute)", "attribute",
                        f.attribute() == null ? null : f.attribute().toLowerCase(java.util.Locale.ROOT))
                .and("id in (select indicator_id from attribute_values"
                        + " where lower(attribute_value) like :attributeValue escape '\\')",
                        "attributeValue", Sql.containsPattern(f.attributeValue()));
    }

    Optional<IndicatorView> get(long id) {
        return jdbc.sql("select * from indicators where id = :id").param("id", id)
                .query(IndicatorRepository::map).optional().map(i -> withTags(List.of(i)).getFirst());
    }

    Optional<IndicatorView> find(String type, String value) {
        return jdbc.sql("select id from indicators where indicator_type = :type and value_sha256 = :hash")
                .param("type", type).param("hash", Sql.sha256(value)).query(Long.class).optional()
                .flatMap(this::get);
    }

    long insert(IndicatorView i) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into indicators (indicator_type, indicator_value, value_sha256, verdict, confidence, tlp,
                    created_at, updated_at, version)
                values (:type, :value, :hash, :verdict, :confidence, :tlp, :created, :updated, 0)""")
                .param("type", i.type()).param("value", i.value()).param("hash", Sql.sha256(i.value()))
                .param("tlp", i.level().name())
                .param("verdict", i.verdict().name()).param("confidence", i.confidence())
                .param("created", Sql.ts(i.createdAt())).param("updated", Sql.ts(i.updatedAt()))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        addTags(id, i.tags());
        return id;
    }

    boolean update(IndicatorView i, long expectedVersion) {
        return jdbc.sql("""
                update indicators set verdict = :verdict, confidence = :confidence, tlp = :tlp,
                    updated_at = :updated, version = version + 1
                where id = :id and version = :version""")
                .param("verdict", i.verdict().name()).param("confidence", i.confidence())
                .param("tlp", i.level().name())
                .param("updated", Sql.ts(i.updatedAt())).param("id", i.id()).param("version", expectedVersion)
                .update() == 1;
    }

    void replaceTags(long id, Collection<String> tags) {
        jdbc.sql("delete from indicator_tags where indicator_id = :id").param("id", id).update();
        addTags(id, tags);
    }

    /** Raises the TLP (and bumps the version) of an indicator whose TLP is less restricted than {@code tlp}. */
    void raiseTlp(long id, riposte.core.interchange.Tlp tlp, java.time.Instant now) {
        jdbc.sql("update indicators set tlp = :tlp, updated_at = :now, version = version + 1 where id = :id")
                .param("tlp", tlp.name()).param("now", Sql.ts(now)).param("id", id).update();
    }

    void addTags(long id, Collection<String> tags) {
        for (String tag : tags) {
            jdbc.sql("insert into indicator_tags (indicator_id, tag) values (:id, :tag)")
                    .param("id", id).param("tag", tag).update();
        }
    }

    private List<IndicatorView> withTags(List<IndicatorView> rows) {
        if (rows.isEmpty()) return rows;
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.sql("select indicator_id, tag from indicator_tags where indicator_id in (:ids) order by tag")
                .param("ids", rows.stream().map(IndicatorView::id).toList())
                .query((ResultSet rs) -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return rows.stream().map(r -> r.withTags(List.copyOf(tags.getOrDefault(r.id(), List.of())))).toList();
    }

    private static IndicatorView map(ResultSet rs, int row) throws SQLException {
        return new IndicatorView(rs.getLong("id"), rs.getString("indicator_type"), rs.getString("indicator_value"),
                Verdict.valueOf(rs.getString("verdict")), rs.getInt("confidence"), List.of(),
                riposte.core.interchange.Tlp.valueOf(rs.getString("tlp")).label(), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
