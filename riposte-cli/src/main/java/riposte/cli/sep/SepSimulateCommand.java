package riposte.cli.sep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.simulator.sepm.SepmSimulator;

/**
 * {@code riposte simulate sepm}: runs the SEPM simulator on 127.0.0.1 until interrupted, on a real-time clock,
 * writing its self-signed certificate to a PEM file so that clients can trust it ({@code RIPOSTE_SEPM_CA_CERT}).
 */
@Command(name = "sepm", header = "The SEPM REST API: computers, groups, commands, files, fingerprint lists (HTTPS).")
public final class SepSimulateCommand implements Callable<Integer> {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");
    private static final Pattern RATE = Pattern.compile("(\\d+)(?:/min)?");

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default 0: any free port).")
    int port;

    @Option(names = "--endpoints", defaultValue = "200", description = "Computers in the fleet, 1 to 50000 (default ${DEFAULT-VALUE}).")
    int endpoints;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated fleet (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Added latency per request, in milliseconds.")
    long latencyMs;

    @Option(names = "--rate-limit", paramLabel = "N/min", description = "Calls per minute before SEPM's 429 (default: no limit).")
    String rateLimit;

    @Option(names = "--error-rate", paramLabel = "F", defaultValue = "0", description = "Share of requests answered with a random 500, 502 or 503 (0 to 1).")
    double errorRate;

    @Option(names = "--agent-delay-s", paramLabel = "A..B", defaultValue = "5..60", description = "Seconds an online agent takes to complete a command (default ${DEFAULT-VALUE}).")
    String agentDelay;

    @Option(names = "--offline-fraction", paramLabel = "F", defaultValue = "0.1", description = "Share of endpoints that are offline and never complete a command (default ${DEFAULT-VALUE}).")
    double offlineFraction;

    @Option(names = "--http", description = "Plain HTTP instead of HTTPS with a generated self-signed certificate.")
    boolean http;

    @Option(names = "--cert-out", paramLabel = "FILE", description = "Where to write the certificate PEM (default: sepm-sim-<port>.pem in the temporary directory).")
    Path certOut;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new CliException(ExitCodes.USAGE, "--port must be 0-65535, was " + port);
        if (endpoints < 1 || endpoints > 50_000) throw new CliException(ExitCodes.USAGE, "--endpoints must be 1-50000, was " + endpoints);
        if (latencyMs < 0) throw new CliException(ExitCodes.USAGE, "--latency-ms cannot be negative");
        if (errorRate < 0 || errorRate > 1) throw new CliException(ExitCodes.USAGE, "--error-rate must be between 0 and 1, was " + errorRate);
        if (offlineFraction < 0 || offlineFraction > 1) throw new CliException(ExitCodes.USAGE, "--offline-fraction must be between 0 and 1, was " + offlineFraction);
        Matcher delay = RANGE.matcher(agentDelay.strip());
        if (!delay.matches() || Long.parseLong(delay.group(1)) > Long.parseLong(delay.group(2))) {
            throw new CliException(ExitCodes.USAGE, "--agent-delay-s must be A..B in seconds with A <= B, e.g. 5..60, not '" + agentDelay + "'");
        }
        SepmSimulator.Builder b = SepmSimulator.builder().port(port).endpoints(endpoints).seed(seed)
                .latency(Duration.ofMillis(latencyMs)).errorRate(errorRate).offlineFraction(offlineFraction).https(!http)
                .agentDelay(Duration.ofSeconds(Long.parseLong(delay.group(1))), Duration.ofSeconds(Long.parseLong(delay.group(2))));
        if (rateLimit != null) {
            Matcher rate = RATE.matcher(rateLimit.strip());
            if (!rate.matches()) throw new CliException(ExitCodes.USAGE, "--rate-limit must be calls per minute, e.g. 50 or 50/min, not '" + rateLimit + "'");
            b.rateLimitPerMinute(Integer.parseInt(rate.group(1)));
        }
        try (SepmSimulator sim = b.build().start()) {
            var out = spec.commandLine().getOut();
            out.println("SEPM simulator listening on " + sim.baseUrl() + " (" + endpoints + " endpoints, seed " + seed + ")");
            out.println("  RIPOSTE_SEPM_URL=" + sim.baseUrl());
            out.println("  RIPOSTE_SEPM_USERNAME=" + sim.username());
            out.println("  RIPOSTE_SEPM_PASSWORD=" + sim.password());
            if (!http) out.println("  RIPOSTE_SEPM_CA_CERT=" + writePem(sim));
            out.println("  stats: " + sim.baseUrl().resolve("/_sim/stats") + "   clock: " + sim.baseUrl().resolve("/_sim/clock"));
            out.println("Press Ctrl+C to stop.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sim.close();
                stopped.countDown();
            }));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private Path writePem(SepmSimulator sim) {
        Path file = certOut != null ? certOut
                : Path.of(System.getProperty("java.io.tmpdir"), "sepm-sim-" + sim.baseUrl().getPort() + ".pem");
        try {
            Files.writeString(file, sim.certificatePem());
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot write the certificate to " + file + ": " + e.getMessage() + " (choose another place with --cert-out FILE)");
        }
    }
}
