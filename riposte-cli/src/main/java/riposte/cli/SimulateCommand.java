package riposte.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riposte.simulator.ses.SesSimulator;

/** {@code riposte simulate}: runs a Symantec API simulator until interrupted. */
@Command(name = "simulate", header = "Run a Symantec API simulator on this machine.",
        subcommands = {SimulateCommand.Ses.class, riposte.cli.sep.SepSimulateCommand.class})
final class SimulateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "ses", header = "The SES Threat Intel API: token endpoint and the nine Threat Intel endpoints.")
    static final class Ses implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default 0: any free port).")
        int port;

        @Option(names = "--latency-ms", defaultValue = "0", description = "Added latency per request, in milliseconds.")
        long latencyMs;

        @Option(names = "--rate-limit", paramLabel = "N", description = "Requests per second before answering 429 with Retry-After (simulator-only behaviour).")
        Double rateLimit;

        @Option(names = "--error-rate", paramLabel = "F", defaultValue = "0", description = "Share of requests answered with a random 500, 502 or 503 (0 to 1).")
        double errorRate;

        @Option(names = "--token-ttl", paramLabel = "S", defaultValue = "3600", description = "Access token lifetime in seconds (default ${DEFAULT-VALUE}).")
        long tokenTtl;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated population (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--region-redirect", description = "Answer 307 to a second, 'regional' listener, as the real service does for tenants of another region.")
        boolean regionRedirect;

        @Override
        public Integer call() throws InterruptedException {
            if (port < 0 || port > 65535) throw new CliException(ExitCodes.USAGE, "--port must be 0-65535, was " + port);
            if (latencyMs < 0) throw new CliException(ExitCodes.USAGE, "--latency-ms cannot be negative");
            if (errorRate < 0 || errorRate > 1) throw new CliException(ExitCodes.USAGE, "--error-rate must be between 0 and 1");
            if (tokenTtl < 1) throw new CliException(ExitCodes.USAGE, "--token-ttl must be at least 1 second");
            if (rateLimit != null && rateLimit <= 0) throw new CliException(ExitCodes.USAGE, "--rate-limit must be positive");
            SesSimulator.Builder builder = SesSimulator.builder().port(port).latency(Duration.ofMillis(latencyMs))
                    .errorRate(errorRate).tokenTtl(Duration.ofSeconds(tokenTtl)).seed(seed).regionRedirect(regionRedirect);
            if (rateLimit != null) builder.rateLimitPerSecond(rateLimit);
            try (SesSimulator sim = builder.build().start()) {
                var out = spec.commandLine().getOut();
                out.println("SES Threat Intel simulator listening on " + sim.baseUrl());
                out.println("  RIPOSTE_SES_URL=" + sim.baseUrl());
                out.println("  RIPOSTE_SES_CLIENT_ID=" + sim.clientId());
                out.println("  RIPOSTE_SES_CLIENT_SECRET=" + sim.clientSecret());
                out.println("  stats: " + sim.baseUrl().resolve("/_sim/stats"));
                out.println("Press Ctrl+C to stop.");
                out.flush();
                Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
                sim.awaitTermination();
            }
            return ExitCodes.OK;
        }
    }
}
