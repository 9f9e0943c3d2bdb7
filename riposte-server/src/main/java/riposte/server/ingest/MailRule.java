package riposte.server.ingest;

import java.util.List;

/** The SEPM notification rule: subjects (any contained, ignoring case) and the SEPM sender addresses. */
public record MailRule(List<String> subjects, List<String> senders, long version) {
    public MailRule {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        senders = senders == null ? List.of() : List.copyOf(senders);
    }
}
