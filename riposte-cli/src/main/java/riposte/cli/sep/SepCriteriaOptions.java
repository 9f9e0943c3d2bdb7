package riposte.cli.sep;

import java.util.List;
import picocli.CommandLine.Option;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.symantec.sepm.EocRequest;

/**
 * The criteria of an EOC scan or a remediation, each validated with {@link IndicatorParser} before anything is
 * sent: {@code --sha256}, {@code --sha1}, {@code --md5}, {@code --hash} (type from the value) and {@code --path}.
 */
final class SepCriteriaOptions {
    @Option(names = "--sha256", paramLabel = "HASH", description = "A SHA-256 to look for.")
    String sha256;

    @Option(names = "--sha1", paramLabel = "HASH", description = "A SHA-1 to look for.")
    String sha1;

    @Option(names = "--md5", paramLabel = "HASH", description = "An MD5 to look for.")
    String md5;

    @Option(names = "--hash", paramLabel = "HASH", description = "An MD5, SHA-1 or SHA-256, the type told by its length.")
    String hash;

    @Option(names = "--path", paramLabel = "PATH", description = "A file path (C:\\dir\\file.exe) or file name to look for.")
    String path;

    /** Checks every criterion now (exit 2 with the parser's explanation), so a wrong value sends nothing. */
    void validate(boolean hashRequired) {
        check("--sha256", sha256, IndicatorType.SHA256);
        check("--sha1", sha1, IndicatorType.SHA1);
        check("--md5", md5, IndicatorType.MD5);
        if (hash != null) {
            Indicator h = parse("--hash", hash, null);
            if (!List.of(IndicatorType.SHA256, IndicatorType.SHA1, IndicatorType.MD5).contains(h.type())) {
                throw new CliException(ExitCodes.USAGE, "--hash: '" + hash + "' is a " + h.type().label() + ", not a hash; accepted: an MD5 (32 hex digits), SHA-1 (40) or SHA-256 (64)");
            }
            String explicit = switch (h.type()) {
                case SHA256 -> sha256;
                case SHA1 -> sha1;
                default -> md5;
            };
            if (explicit != null) throw new CliException(ExitCodes.USAGE, "--hash is a " + h.type().label() + " and that type was also given on its own option: give each hash type once");
        }
        boolean anyHash = sha256 != null || sha1 != null || md5 != null || hash != null;
        if (hashRequired && !anyHash) {
            throw new CliException(ExitCodes.USAGE, "remediation quarantines files by hash: give --sha256, --sha1, --md5 or --hash");
        }
        if (!anyHash && path == null) {
            throw new CliException(ExitCodes.USAGE, "nothing to look for: give --sha256, --sha1, --md5, --hash or --path");
        }
    }

    /** Adds the criteria to the request. */
    EocRequest.Builder apply(EocRequest.Builder b) {
        try {
            if (sha256 != null) b.sha256(sha256.strip());
            if (sha1 != null) b.sha1(sha1.strip());
            if (md5 != null) b.md5(md5.strip());
            if (hash != null) b.hash(hash.strip());
            if (path != null) b.filePath(path);
            return b;
        } catch (InvalidIndicatorException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    /** One line per criterion, for confirmations and dry runs. */
    String describe() {
        StringBuilder s = new StringBuilder();
        if (sha256 != null) s.append(" SHA-256 ").append(sha256.strip().toLowerCase());
        if (sha1 != null) s.append(" SHA-1 ").append(sha1.strip().toLowerCase());
        if (md5 != null) s.append(" MD5 ").append(md5.strip().toLowerCase());
        if (hash != null) s.append(" hash ").append(hash.strip().toLowerCase());
        if (path != null) s.append(" path ").append(path);
        return s.toString().strip();
    }

    private static void check(String option, String value, IndicatorType type) {
        if (value != null) parse(option, value, type);
    }

    private static Indicator parse(String option, String value, IndicatorType type) {
        try {
            return type == null ? IndicatorParser.parse(value.strip()) : IndicatorParser.parse(value.strip(), type);
        } catch (InvalidIndicatorException e) {
            throw new CliException(ExitCodes.USAGE, option + ": " + e.getMessage());
        }
    }
}
