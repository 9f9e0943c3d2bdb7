package riposte.symantec.sepm;

import java.io.IOException;

/**
 * SEPM could not be reached or the connection failed (refused, reset, timeout, TLS), after any retries. The
 * request may have been sent. CLI exit code 4.
 */
public final class SepmUnavailableException extends SepmException {
    SepmUnavailableException(String message, IOException cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return !(getCause() instanceof javax.net.ssl.SSLException);
    }
}
