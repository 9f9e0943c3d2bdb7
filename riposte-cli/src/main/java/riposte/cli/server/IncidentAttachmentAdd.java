package riposte.cli.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.cli.io.TextTable;
import tools.jackson.databind.JsonNode;

/**
 * {@code riposte incident attachment add ID FILE...}: uploads each file (multipart, part {@code file}, its own name).
 * Every file is checked first: one that is missing or unreadable is a usage error and nothing is sent. A file the
 * server refuses (too large, 413; no usable name, 400) is reported and the others are still uploaded; the command
 * then exits 2.
 */
@Command(name = "add", header = "Upload files to an incident (analyst); the server keeps each file's name and SHA-256.")
final class IncidentAttachmentAdd extends ApiCommand {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to upload.")
    List<Path> files;

    @Override
    protected int run(ApiClient api) {
        for (Path file : files) readable(file);
        List<JsonNode> added = new ArrayList<>();
        int refused = 0;
        TextTable table = json ? null : new TextTable(out()).column("ID", 6).column("SIZE", 10).column("SHA-256", 64)
                .column("NAME", 0).header();
        for (Path file : files) {
            ApiClient.Reply reply = api.tryUpload("incidents/" + id + "/attachments", file);
            if (!reply.ok() && reply.failure().status() != 400 && reply.failure().status() != 413) {
                throw reply.failure().exception();
            }
            if (reply.ok()) {
                JsonNode a = reply.json();
                added.add(a);
                if (table != null) table.row(a.path("id").asLong(), a.path("size").asLong(), a.path("sha256").asString(),
                        a.path("fileName").asString());
            } else {
                refused++;
                err().println("riposte: " + Terminal.safe(file) + ": " + reply.failure().message());
                err().flush();
            }
        }
        if (json) printJson(added);
        if (refused > 0) {
            err().println("riposte: " + refused + " of " + files.size() + " files refused; the others were uploaded");
            err().flush();
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    private static void readable(Path file) {
        if (!Files.exists(file)) {
            throw new CliException(ExitCodes.USAGE, Terminal.safe(file) + " does not exist: nothing was uploaded");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCodes.USAGE, Terminal.safe(file) + " is not a regular file (a directory?): "
                    + "give files to upload; nothing was uploaded");
        }
        if (!Files.isReadable(file)) {
            throw new CliException(ExitCodes.USAGE, Terminal.safe(file) + " cannot be read (permissions?): nothing was uploaded");
        }
    }
}
