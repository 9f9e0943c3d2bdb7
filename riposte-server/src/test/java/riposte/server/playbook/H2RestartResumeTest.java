package riposte.server.playbook;

import java.util.List;
import java.util.UUID;

/** Restart-resume on one H2 file database shared by the two servers in turn. */
class H2RestartResumeTest extends RestartResumeContract {
    private final String url = "jdbc:h2:file:./target/restart-" + UUID.randomUUID() + "/riposte;DB_CLOSE_ON_EXIT=FALSE";

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + url);
    }
}
