package riposte.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import riposte.cli.config.Settings;
import tools.jackson.databind.JsonNode;

/**
 * What every command over the server's REST API ({@code riposte incident|indicator|playbook}) shares: the configuration file, {@code --json}, and a
 * connected {@link ApiClient} (from {@code server.url} and {@code server.api-token}) for the duration of the call.
 */
public abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $RIPOSTE_CONFIG, else ./riposte.yml).")
    Path config;

    @Option(names = "--json", description = "The server's JSON (its field names) instead of a table.")
    protected boolean json;

    @Option(names = "--stacktrace", description = "Print stack traces of failures.")
    boolean stacktrace;

    @Override
    public final Integer call() {
        try (ApiClient api = ApiClient.open(Settings.load(config))) {
            return run(api);
        }
    }

    /** The command's work with a connected client; returns the exit code. */
    protected abstract int run(ApiClient api);

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** One JSON document and a newline. */
    protected void printJson(Object value) {
        out().println(ApiClient.JSON.writeValueAsString(value));
        out().flush();
    }

    protected static <T> T as(JsonNode node, Class<T> type) {
        return ApiClient.JSON.treeToValue(node, type);
    }
}
