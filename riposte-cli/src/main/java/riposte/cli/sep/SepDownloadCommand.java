package riposte.cli.sep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.symantec.sepm.FileContent;

/**
 * {@code riposte sep download FILE_ID -o FILE | --base64}: the uploaded file, decoded from SEPM's ZIP/XOR archive
 * and checked against its hash by the client (a mismatch is exit 4 and nothing is written).
 */
@Command(name = "download", header = "Download a file uploaded to SEPM, decoded and hash-checked, to a file or as Base64.")
final class SepDownloadCommand extends SepCall {
    @Parameters(paramLabel = "FILE_ID", description = "The file id (binaryFileId) from the upload command's status.")
    String fileId;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the original bytes to FILE (refuses to overwrite unless --force).")
    Path output;

    @Option(names = "--base64", description = "Print the content as Base64 instead.")
    boolean base64;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Option(names = "--expect", paramLabel = "HASH", description = "Also check the content against this MD5, SHA-1 or SHA-256.")
    String expect;

    @Override
    void validate() {
        if ((output == null) == !base64) throw new CliException(ExitCodes.USAGE, "give exactly one of -o FILE or --base64");
        if (output != null && Files.exists(output) && !force) {
            throw new CliException(ExitCodes.USAGE, output + " exists: choose another file or pass --force");
        }
    }

    @Override
    int run(SepConnection sepm) throws IOException {
        FileContent content = sepm.client().fileContent(fileId, expect);
        if (output != null) Files.write(output, content.bytes());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fileId", content.fileId());
        m.put("size", content.size());
        m.put("sha256", content.sha256());
        m.put("sha1", content.sha1());
        m.put("md5", content.md5());
        if (output != null) m.put("path", output.toString());
        if (base64 && json()) m.put("content", content.base64());
        if (json()) SepJson.line(out(), m);
        else if (base64) out().println(content.base64());
        else out().println("Wrote " + content.size() + " bytes to " + output + " (SHA-256 " + content.sha256() + ", verified)");
        return ExitCodes.OK;
    }
}
