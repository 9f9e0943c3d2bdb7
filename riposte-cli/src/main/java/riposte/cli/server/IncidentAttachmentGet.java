package riposte.cli.server;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;

/**
 * {@code riposte incident attachment get ID ATTACHMENT_ID [-o FILE|-]}: the file, by default under its stored name
 * (made safe by {@link Download#safeName}) in the current directory, never overwriting a file unless {@code --force}.
 * The bytes are checked against the SHA-256 the server recorded at upload.
 */
@Command(name = "get", header = "Download an attachment to its name in the current directory, to FILE, or to standard output (-o -).")
final class IncidentAttachmentGet extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The incident's id.")
    long id;

    @Parameters(index = "1", paramLabel = "ATTACHMENT_ID", description = "The attachment's id (see `incident attachment list`).")
    long attachmentId;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE, or - for standard output (default: the attachment's name in the current directory).")
    String output;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Override
    protected int run(ApiClient api) {
        String path = "incidents/" + id + "/attachments/" + attachmentId;
        Views.Attachment attachment = as(api.get(path), Views.Attachment.class);
        Download target = Download.to(output != null ? output : Download.safeName(attachment.fileName(), attachmentId), force);
        out().flush();
        Download.Written written = target.fetch(api, path + "/content", Map.of(), "*/*", attachment.sha256());
        if (target.toStdout()) return ExitCodes.OK;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", attachment.id());
            m.put("fileName", attachment.fileName());
            m.put("path", written.path());
            m.put("size", written.size());
            m.put("sha256", written.sha256());
            printJson(m);
        } else {
            out().println("Wrote " + written.size() + " bytes to " + Terminal.safe(written.path()) + " (SHA-256 "
                    + written.sha256() + ", verified)");
            out().flush();
        }
        return ExitCodes.OK;
    }
}
