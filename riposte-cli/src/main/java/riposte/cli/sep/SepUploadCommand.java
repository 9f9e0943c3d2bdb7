package riposte.cli.sep;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.symantec.sepm.FileSource;

/** {@code riposte sep upload}: asks an endpoint to upload a file to SEPM; the file id comes with the command's status. */
@Command(name = "upload", header = "Have an endpoint upload a file to SEPM (then: riposte sep download FILE_ID).")
final class SepUploadCommand extends SepCall {
    @picocli.CommandLine.Mixin
    riposte.cli.AcceptYes acceptYes;

    @Option(names = "--computer-id", required = true, paramLabel = "ID", description = "The computer holding the file.")
    String computerId;

    @Option(names = "--path", required = true, paramLabel = "PATH", description = "The file's full path on the endpoint.")
    String path;

    @Option(names = {"--sha256", "--hash"}, paramLabel = "HASH", description = "The file's hash (SHA-256, SHA-1 or MD5), checked by the endpoint.")
    String hash;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Where the endpoint looks: ${COMPLETION-CANDIDATES} (default FILESYSTEM).")
    FileSource source;

    @Mixin
    SepWaitOptions wait;

    @Override
    void validate() {
        wait.validate();
        if (path.isBlank()) throw new CliException(ExitCodes.USAGE, "--path needs the file's full path on the endpoint");
        if (hash != null) {
            try {
                IndicatorParser.parse(hash.strip());
            } catch (InvalidIndicatorException e) {
                throw new CliException(ExitCodes.USAGE, "--sha256: " + e.getMessage());
            }
        }
    }

    @Override
    int run(SepConnection sepm) throws InterruptedException {
        String id = sepm.client().uploadFile(List.of(computerId), path, hash, source);
        return SepAsync.finish(this, sepm, Map.of("commandID", id), wait);
    }
}
