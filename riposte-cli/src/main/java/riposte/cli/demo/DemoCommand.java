package riposte.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;

/**
 * {@code riposte demo}: the SES and SEPM simulators in-process, the server on H2 under {@code ./data/demo} with a
 * printed demo login, and demo data seeded once through the REST API; runs until Ctrl+C.
 */
@Command(name = "demo", header = "Try Riposte: the server with demo data and both simulators, on this machine only.",
        description = {"Starts the SES and SEPM simulators in-process, then the server on 127.0.0.1 with an H2 database "
                + "under ./data/demo, seeds demo incidents and indicators once, and prints the address, the demo login "
                + "and commands to try. Demo only. See docs/cli.md."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "HTTP port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/demo",
            description = "Data directory: database, login, certificate (default ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--reset", description = "Delete the demo data directory first (new login, fresh demo data).")
    boolean reset;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) throw new CliException(ExitCodes.USAGE, "--port must be 0-65535, was " + port);
        DemoInstance demo = DemoInstance.start(data, reset, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close(); // graceful: in-flight requests finish, then the simulators stop
            stopped.countDown();
        }, "riposte-demo-shutdown"));
        DemoBanner.print(spec.commandLine().getOut(), demo);
        stopped.await();
        return ExitCodes.OK;
    }
}
