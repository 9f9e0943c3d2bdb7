package riposte.server.system;

/** An update based on a stale version: someone else changed the resource first. A 409; re-read and retry. */
public final class VersionConflictException extends RuntimeException {

    public VersionConflictException(String kind, Object id, long expected) {
        super(kind + " " + id + " is no longer at version " + expected
                + ": it was changed by someone else; fetch it again and reapply your change");
    }
}
