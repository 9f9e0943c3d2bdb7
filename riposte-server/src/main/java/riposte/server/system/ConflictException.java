package riposte.server.system;

/**
 * A request that cannot be applied in the resource's current state (e.g. approving a run that does not wait for that
 * approval): a 409 whose detail says what the state is.
 */
public final class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
