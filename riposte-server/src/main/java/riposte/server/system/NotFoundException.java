package riposte.server.system;

/** A resource that does not exist (any more): a 404 whose detail names the resource kind and id. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " does not exist");
    }
}
