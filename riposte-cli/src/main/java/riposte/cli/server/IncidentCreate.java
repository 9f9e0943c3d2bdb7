package riposte.cli.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import riposte.cli.ExitCodes;
import tools.jackson.databind.JsonNode;

/** {@code riposte incident create}: a new incident. */
@Command(name = "create", header = "Create an incident and print it.")
final class IncidentCreate extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Option(names = "--name", required = true, paramLabel = "N", description = "Short name, e.g. \"Ransomware on FIN-LAPTOP-7\".")
    String name;

    @Option(names = "--description", paramLabel = "D", description = "Longer description.")
    String description;

    @Option(names = "--severity", paramLabel = "S", description = "${COMPLETION-CANDIDATES} (server default MEDIUM).")
    Severity severity;

    @Option(names = "--type", paramLabel = "T", description = "Free text such as Malware or Phishing (server default General).")
    String type;

    @Option(names = "--owner", paramLabel = "O", description = "The user who owns it.")
    String owner;

    @Override
    protected int run(ApiClient api) {
        JsonNode created = api.post("incidents", ApiClient.body("name", name, "description", description,
                "type", type, "severity", severity, "owner", owner));
        if (json) printJson(created);
        else IncidentShow.print(out(), as(created, Views.Incident.class));
        return ExitCodes.OK;
    }
}
