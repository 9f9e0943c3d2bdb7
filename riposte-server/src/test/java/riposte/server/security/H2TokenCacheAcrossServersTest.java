package riposte.server.security;

import java.util.List;
import java.util.UUID;

/** Two servers on one in-memory H2 database (shared within the JVM). */
class H2TokenCacheAcrossServersTest extends TokenCacheAcrossServersContract {
    private final String url = "jdbc:h2:mem:token-cache-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + url);
    }
}
