package riposte.cli.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte incident update ID}: changes some fields. The update carries the version it is based on, fetched
 * just before (or given with {@code --if-version}); if someone else changed the incident since, nothing is changed
 * and the command exits 2.
 */
@Command(name = "update", header = "Change an incident's status, severity, owner, name, type or description.")
final class IncidentUpdate extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Option(names = "--status", paramLabel = "S", description = "${COMPLETION-CANDIDATES}.")
    IncidentStatus status;

    @Option(names = "--severity", paramLabel = "S", description = "${COMPLETION-CANDIDATES}.")
    Severity severity;

    @Option(names = "--owner", paramLabel = "O", description = "New owner.")
    String owner;

    @Option(names = "--name", paramLabel = "N", description = "New name.")
    String name;

    @Option(names = "--type", paramLabel = "T", description = "New type.")
    String type;

    @Option(names = "--description", paramLabel = "D", description = "New description.")
    String description;

    @Option(names = "--if-version", paramLabel = "V",
            description = "Change it only if it is still at this version (as shown by `incident show`); default: the current version, fetched first.")
    Long ifVersion;

    @Override
    protected int run(ApiClient api) {
        if (status == null && severity == null && owner == null && name == null && type == null && description == null) {
            throw new CliException(ExitCodes.USAGE, "nothing to change: give at least one of --status, --severity, "
                    + "--owner, --name, --type, --description");
        }
        long version = ifVersion != null ? ifVersion : api.get("incidents/" + id).path("version").asLong();
        JsonNode updated = api.patch("incidents/" + id, ApiClient.body("name", name, "description", description,
                "type", type, "severity", severity, "status", status, "owner", owner, "version", version));
        if (json) printJson(updated);
        else IncidentShow.print(out(), as(updated, Views.Incident.class));
        return ExitCodes.OK;
    }
}
