package riposte.core.mail;

import java.time.Instant;
import java.util.List;

/**
 * A parsed message, every part bounded. Header values are decoded (RFC 2047) and have their control characters
 * replaced by spaces, so that no value carries a line break into a log, a page or another header.
 *
 * @param messageId the Message-ID without angle brackets, or null when the message has none
 * @param from the sender's address, lower-case, or null
 * @param recipientCount every To/Cc recipient, even those beyond {@code recipients}
 * @param text the readable text: plain parts, HTML parts reduced to text, forwarded messages inline
 * @param problems what could not be read (a bad charset, a malformed part, a truncation), for the record
 */
public record MailMessage(String messageId, String subject, String from, List<String> recipients, int recipientCount,
        Instant date, List<Header> headers, String text, List<Part> attachments, List<String> problems) {

    public MailMessage {
        recipients = List.copyOf(recipients);
        headers = List.copyOf(headers);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    /** One header field as received (decoded, sanitised, bounded). */
    public record Header(String name, String value) {}

    /** A non-text part: its file name (or null), media type and decoded size in bytes. */
    public record Part(String fileName, String mediaType, long size) {}
}
