package riposte.symantec.sepm;

import java.util.regex.Pattern;
import riposte.core.indicator.FilePath;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.core.indicator.Md5;
import riposte.core.indicator.Sha1;
import riposte.core.indicator.Sha256;

/**
 * An Evidence-of-Compromise scan, or a hash remediation, for {@code POST /command-queue/eoc}: targets, scan type,
 * and at least one criterion (file path or name, MD5, SHA-1, SHA-256). Remediation quarantines files by hash, so
 * it needs a hash. Build with {@link #scan(ScanType, Targets)}:
 *
 * <pre>{@code EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(id)).sha256("e3b0…").remediate(true)}</pre>
 *
 * Invalid criteria throw {@link InvalidIndicatorException} or {@link SepmInvalidRequestException} (CLI exit 2).
 */
public record EocRequest(Targets targets, ScanType scanType, boolean remediate, String description,
                         String filePath, Md5 md5, Sha1 sha1, Sha256 sha256) {
    /** A file name alone (no directory) is a valid EOC criterion too; Windows' limit on a path component. */
    private static final Pattern FILE_NAME = Pattern.compile("[^\\\\/:*?\"<>|\\p{Cntrl}]{1,255}");
    /** Keeps the echoed document and the console readable. */
    static final int MAX_DESCRIPTION = 1024;

    public EocRequest {
        if (targets == null) throw new SepmInvalidRequestException("an EOC scan needs targets");
        if (scanType == null) throw new SepmInvalidRequestException("an EOC scan needs a scan type (QUICK_SCAN or FULL_SCAN)");
        if (filePath != null) filePath = checkPath(filePath);
        if (description != null && description.length() > MAX_DESCRIPTION) description = description.substring(0, MAX_DESCRIPTION);
        if (remediate && md5 == null && sha1 == null && sha256 == null) {
            throw new SepmInvalidRequestException("remediation quarantines files by hash: give an MD5, SHA-1 or SHA-256");
        }
    }

    /** A scan of the targets, without criteria yet. */
    public static Builder scan(ScanType scanType, Targets targets) {
        return new Builder(targets, scanType);
    }

    /** True if the request has at least one criterion. */
    public boolean hasCriteria() {
        return filePath != null || md5 != null || sha1 != null || sha256 != null;
    }

    private static String checkPath(String path) {
        String p = path.strip();
        try {
            return ((FilePath) IndicatorParser.parse(p, IndicatorType.FILE_PATH)).value();
        } catch (InvalidIndicatorException notAPath) {
            if (FILE_NAME.matcher(p).matches()) return p;
            throw new SepmInvalidRequestException("'" + SepmIds.printable(path) + "' is neither a file path nor a file name");
        }
    }

    /** Collects the criteria; each hash is validated by {@link IndicatorParser}. */
    public static final class Builder {
        private final Targets targets;
        private final ScanType scanType;
        private boolean remediate;
        private String description;
        private String filePath;
        private Md5 md5;
        private Sha1 sha1;
        private Sha256 sha256;

        private Builder(Targets targets, ScanType scanType) {
            this.targets = targets;
            this.scanType = scanType;
        }

        /** Quarantine every file matching the hash ({@code <RemediationAction>REMEDIATE}). */
        public Builder remediate(boolean remediate) {
            this.remediate = remediate;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder filePath(String filePath) {
            this.filePath = filePath;
            return this;
        }

        public Builder md5(String md5) {
            this.md5 = (Md5) IndicatorParser.parse(md5, IndicatorType.MD5);
            return this;
        }

        public Builder sha1(String sha1) {
            this.sha1 = (Sha1) IndicatorParser.parse(sha1, IndicatorType.SHA1);
            return this;
        }

        public Builder sha256(String sha256) {
            this.sha256 = (Sha256) IndicatorParser.parse(sha256, IndicatorType.SHA256);
            return this;
        }

        /** Any hash, typed by its length. */
        public Builder hash(String hash) {
            switch (IndicatorParser.parse(hash)) {
                case Md5 m -> md5 = m;
                case Sha1 s -> sha1 = s;
                case Sha256 s -> sha256 = s;
                default -> throw new InvalidIndicatorException(hash, "'" + SepmIds.printable(hash)
                        + "' is not an MD5, SHA-1 or SHA-256 hash");
            }
            return this;
        }

        public EocRequest build() {
            return new EocRequest(targets, scanType, remediate, description, filePath, md5, sha1, sha256);
        }
    }
}
