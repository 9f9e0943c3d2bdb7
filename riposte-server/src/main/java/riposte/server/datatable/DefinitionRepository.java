package riposte.server.datatable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import riposte.server.system.Sql;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Definition rows; columns are kept as JSON. */
@Repository
class DefinitionRepository {
    private static final TypeReference<List<Column>> COLUMNS = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;

    DefinitionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<DefinitionView> all() {
        return jdbc.sql("select * from data_table_definitions order by name").query(this::map).list();
    }

    Optional<DefinitionView> get(long id) {
        return jdbc.sql("select * from data_table_definitions where id = :id").param("id", id).query(this::map)
                .optional();
    }

    Optional<DefinitionView> byName(String name) {
        return jdbc.sql("select * from data_table_definitions where name = :name").param("name", name)
                .query(this::map).optional();
    }

    long rowCount(long id) {
        return jdbc.sql("select count(*) from data_table_rows where definition_id = :id").param("id", id)
                .query(Long.class).single();
    }

    long insert(DefinitionView d) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into data_table_definitions (name, display_name, description, tab_group, columns_json, built_in,
                    created_at, updated_at, version)
                values (:name, :display, :description, :group, :columns, false, :at, :at, 0)""")
                .param("name", d.name()).param("display", d.displayName()).param("description", d.description())
                .param("group", d.group())
                .param("columns", json.writeValueAsString(d.columns())).param("at", Sql.ts(d.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    boolean update(DefinitionView d, long expectedVersion) {
        return jdbc.sql("""
                update data_table_definitions set display_name = :display, description = :description,
                    tab_group = :group, columns_json = :columns, updated_at = :at, version = version + 1
                where id = :id and version = :version""")
                .param("display", d.displayName()).param("description", d.description()).param("group", d.group())
                .param("columns", json.writeValueAsString(d.columns())).param("at", Sql.ts(d.updatedAt()))
                .param("id", d.id()).param("version", expectedVersion)
                .update() == 1;
    }

    private DefinitionView map(ResultSet rs, int row) throws SQLException {
        return new DefinitionView(rs.getLong("id"), rs.getString("name"), rs.getString("display_name"),
                rs.getString("description"), rs.getString("tab_group"), json.readValue(rs.getString("columns_json"), COLUMNS),
                rs.getBoolean("built_in"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
