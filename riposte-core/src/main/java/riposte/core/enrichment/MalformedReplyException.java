package riposte.core.enrichment;

/** A reply body that is not the JSON object the source documents. The message never contains the body. */
public final class MalformedReplyException extends RuntimeException implements ClassifiedException {
    public MalformedReplyException(String message) {
        super(message);
    }

    @Override
    public ErrorKind errorKind() {
        return ErrorKind.MALFORMED_REPLY;
    }
}
