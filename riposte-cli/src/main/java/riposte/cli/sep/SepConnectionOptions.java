package riposte.cli.sep;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The connection options every {@code riposte sep} command shares. */
final class SepConnectionOptions {
    @Option(names = "--sim", description = "Use a built-in SEPM simulator (HTTPS, its certificate trusted explicitly) instead of the configured server.")
    boolean sim;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $RIPOSTE_CONFIG, else ./riposte.yml).")
    Path config;

    @Option(names = "--insecure", description = "Turn TLS certificate verification off (a warning is printed every time). Prefer RIPOSTE_SEPM_CA_CERT.")
    boolean insecure;

    @Option(names = "--stacktrace", description = "Print stack traces of failures.")
    boolean stacktrace;
}
