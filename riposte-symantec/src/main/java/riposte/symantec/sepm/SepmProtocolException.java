package riposte.symantec.sepm;

/**
 * SEPM answered 2xx with something this client cannot use: malformed JSON or XML, a file archive that is not the
 * documented ZIP, content whose hash does not match, a page walk that does not advance. CLI exit code 4.
 */
public final class SepmProtocolException extends SepmException {
    SepmProtocolException(String message) {
        super(message, null);
    }

    SepmProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
