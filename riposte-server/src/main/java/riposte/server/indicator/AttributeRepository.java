package riposte.server.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import riposte.server.system.Sql;

/** Attribute definitions and values. */
@Repository
class AttributeRepository {
    private static final String SELECT = """
            select v.*, d.name, d.attribute_type from attribute_values v
            join attribute_definitions d on d.id = v.definition_id""";
    private final JdbcClient jdbc;

    AttributeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AttributeView.Definition> definitions() {
        return jdbc.sql("select * from attribute_definitions order by name")
                .query((rs, n) -> new AttributeView.Definition(rs.getLong("id"), rs.getString("name"),
                        rs.getString("attribute_type"), rs.getString("description")))
                .list();
    }

    Optional<AttributeView.Definition> definition(String name) {
        return definitions().stream().filter(d -> d.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    List<AttributeView> values(long indicatorId) {
        return jdbc.sql(SELECT + " where v.indicator_id = :id order by d.name, v.source").param("id", indicatorId)
                .query(AttributeRepository::map).list();
    }

    Optional<AttributeView> value(long indicatorId, long definitionId, String source) {
        return jdbc.sql(SELECT + " where v.indicator_id = :id and v.definition_id = :definition and v.source = :source")
                .param("id", indicatorId).param("definition", definitionId).param("source", source)
                .query(AttributeRepository::map).optional();
    }

    /** Creates a definition (first use by a playbook or an import) and returns its id. */
    long insertDefinition(String name, String type, String description, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into attribute_definitions (name, attribute_type, description, created_at)
                values (:name, :type, :description, :now)""")
                .param("name", name).param("type", type).param("description", description).param("now", Sql.ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Changes a definition's type and description (import). */
    void updateDefinition(long id, String type, String description) {
        jdbc.sql("update attribute_definitions set attribute_type = :type, description = :description where id = :id")
                .param("type", type).param("description", description).param("id", id).update();
    }

    void insert(long indicatorId, long definitionId, String value, String source, Instant now) {
        jdbc.sql("""
                insert into attribute_values (indicator_id, definition_id, attribute_value, source, created_at,
                    updated_at, version)
                values (:indicator, :definition, :value, :source, :now, :now, 0)""")
                .param("indicator", indicatorId).param("definition", definitionId).param("value", value)
                .param("source", source).param("now", Sql.ts(now))
                .update();
    }

    void update(long indicatorId, long definitionId, String value, String source, Instant now) {
        jdbc.sql("""
                update attribute_values set attribute_value = :value, source = :source, updated_at = :now,
                    version = version + 1
                where indicator_id = :indicator and definition_id = :definition and source = :source""")
                .param("indicator", indicatorId).param("definition", definitionId).param("value", value)
                .param("source", source).param("now", Sql.ts(now))
                .update();
    }

    private static AttributeView map(ResultSet rs, int row) throws SQLException {
        return new AttributeView(rs.getLong("indicator_id"), rs.getLong("definition_id"), rs.getString("name"),
                rs.getString("attribute_type"), rs.getString("attribute_value"), rs.getString("source"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }
}
