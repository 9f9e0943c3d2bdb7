package riposte.server.sepm;

import java.util.List;
import java.util.UUID;

/** Commands across restarts on one H2 file database shared by the servers in turn. */
class H2SepmCommandsRestartTest extends SepmCommandsRestartContract {
    private final String url = "jdbc:h2:file:./target/sepm-restart-" + UUID.randomUUID()
            + "/riposte;DB_CLOSE_ON_EXIT=FALSE";

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + url);
    }
}
