package riposte.cli.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import tools.jackson.databind.JsonNode;

/** {@code riposte incident note add ID TEXT}: a note by the token's owner. */
@Command(name = "add", header = "Add a note to an incident.")
final class IncidentNoteAdd extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The note; - reads it from standard input.")
    String text;

    @Override
    protected int run(ApiClient api) {
        String body = text.equals("-") ? stdin() : text;
        if (body.isBlank()) throw new CliException(ExitCodes.USAGE, "the note is empty");
        JsonNode note = api.post("incidents/" + id + "/notes", ApiClient.body("body", body));
        if (json) printJson(note);
        else out().println("note " + note.path("id").asLong() + " added to incident " + id);
        out().flush();
        return ExitCodes.OK;
    }

    private static String stdin() {
        try {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read the note from standard input: " + e.getMessage());
        }
    }
}
