package riposte.server.enrichment;

import java.util.List;
import java.util.UUID;

/** Bulk jobs across a restart, on one H2 file database shared by the two servers in turn. */
class H2BulkRestartTest extends BulkRestartContract {
    private final String url = "jdbc:h2:file:./target/bulk-restart-" + UUID.randomUUID() + "/riposte;DB_CLOSE_ON_EXIT=FALSE";

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + url);
    }
}
