package riposte.server.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A WHERE clause assembled from optional filters, with named parameters; the SQL text never contains user input. */
public final class Where {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code clause} (using {@code :name}) only when {@code value} is not null. */
    public Where and(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
        return this;
    }

    public Where always(String clause, String name, Object value) {
        clauses.add(clause);
        params.put(name, value);
        return this;
    }

    public String sql() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        return spec.params(params);
    }
}
