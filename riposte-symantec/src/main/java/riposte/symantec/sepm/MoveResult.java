package riposte.symantec.sepm;

/**
 * One item of the {@code PATCH /computers} answer ({@code 207 Multi-Status}, SEPM's {@code BulkResponse}), in the
 * order of the request, with the hardware key that was asked for.
 */
public record MoveResult(String hardwareKey, String groupId, String responseCode, String responseMessage) {
    /** True if this item's {@code responseCode} is 2xx. */
    public boolean succeeded() {
        return responseCode != null && responseCode.strip().startsWith("2") && responseCode.strip().length() == 3;
    }
}
