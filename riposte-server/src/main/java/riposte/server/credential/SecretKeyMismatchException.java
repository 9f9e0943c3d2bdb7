package riposte.server.credential;

/** A stored secret that the configured key cannot decrypt; the message says which key and what to do, never the value. */
public final class SecretKeyMismatchException extends RuntimeException {
    SecretKeyMismatchException(String message) {
        super(message);
    }
}
