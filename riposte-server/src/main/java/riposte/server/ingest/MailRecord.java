package riposte.server.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ingested message as recorded. {@code outcome}: INCIDENT (the rule took it), IGNORED (not a notification the
 * rule takes: {@code reason} says why), FAILED (could not be read: {@code reason} says why).
 */
public record MailRecord(long id, String messageId, String source, String subject, String sender, String outcome,
        String reason, Long incidentId, String rawSha256, long rawSize, Map<String, String> fields,
        List<LeftOut> leftOut, Instant receivedAt) {

    /** A value found in the message that did not become an artifact, and why. */
    public record LeftOut(String type, String value, String reason) {}
}
