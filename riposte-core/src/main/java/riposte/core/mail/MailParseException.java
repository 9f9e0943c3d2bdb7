package riposte.core.mail;

/** The bytes are not a message that can be read at all; the message says why. */
public class MailParseException extends RuntimeException {
    public MailParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
