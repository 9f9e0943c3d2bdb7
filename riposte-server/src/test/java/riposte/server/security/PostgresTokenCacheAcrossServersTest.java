package riposte.server.security;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Two servers on one embedded PostgreSQL. */
class PostgresTokenCacheAcrossServersTest extends TokenCacheAcrossServersContract {
    private EmbeddedPostgres postgres;

    @Override
    protected List<String> databaseArguments() {
        try {
            if (postgres == null) postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    @Override
    protected void afterServers() throws IOException {
        if (postgres != null) postgres.close();
    }
}
