package riposte.symantec.sepm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One endpoint's row of {@code GET /command-queue/{id}} ({@code CommandStatusDetail}). Times are ISO-8601 UTC
 * strings or null (kept as sent; see {@link #begin()}). {@code binaryFileId} is set when an upload completes;
 * {@code resultInXML} holds the EOC result document once an EOC command completes ({@link #eocResult()}).
 */
public record CommandStatus(String computerId, String computerName, String computerIp, String domainName,
                            String currentLoginUserName, String hardwareKey, Integer stateId, Integer subStateId,
                            String subStateDesc, String beginTime, String lastUpdateTime, String binaryFileId,
                            String resultInXML) {

    public CommandState state() {
        return CommandState.of(stateId);
    }

    /** The KB229117 description of {@link #subStateId()}. */
    public String subStateDescription() {
        return CommandSubState.describe(subStateId);
    }

    public Optional<Instant> begin() {
        return instant(beginTime);
    }

    public Optional<Instant> lastUpdate() {
        return instant(lastUpdateTime);
    }

    /** The file id of a completed upload. */
    public Optional<String> fileId() {
        return binaryFileId == null || binaryFileId.isBlank() ? Optional.empty() : Optional.of(binaryFileId);
    }

    /**
     * The parsed EOC result, if this row carries one.
     *
     * @throws SepmProtocolException if {@code resultInXML} is not a well-formed EOC document
     */
    public Optional<EocResult> eocResult() {
        if (resultInXML == null || resultInXML.isBlank()) return Optional.empty();
        return Optional.of(EocResultParser.parse(resultInXML));
    }

    private static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text.strip() + "Z"));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
