package riposte.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riposte.cli.config.Settings;
import riposte.server.RiposteServer;

/**
 * {@code riposte serve}: the Riposte server (REST API, persistence). Spring is loaded only here, never by the
 * one-shot commands.
 */
@Command(name = "serve", header = "Run the Riposte server (REST API on H2 or PostgreSQL) until stopped.",
        description = {"The database is H2 under ./data unless RIPOSTE_DB_URL, RIPOSTE_DB_USER and RIPOSTE_DB_PASSWORD "
                + "point at PostgreSQL. See docs/server.md."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: $RIPOSTE_PORT, else 8080).")
    Integer port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: $RIPOSTE_CONFIG, else ./riposte.yml when it exists).")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65535)) {
            throw new CliException(ExitCodes.USAGE, "--port must be 0-65535, was " + port);
        }
        List<String> args = new ArrayList<>();
        // riposte.yml's server settings (db.url, server.port, ...) as the RIPOSTE_* names application.yml reads;
        // only those the environment does not set, so that the environment still wins.
        Settings.load(configFile).serverProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        if (port != null) args.add("--server.port=" + port);
        ConfigurableApplicationContext server = RiposteServer.start(args.toArray(String[]::new));
        CountDownLatch closed = new CountDownLatch(1);
        server.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) closed.countDown();
        });
        // Spring Boot's own shutdown hook closes the context gracefully on SIGTERM or Ctrl+C.
        closed.await();
        return ExitCodes.OK;
    }
}
