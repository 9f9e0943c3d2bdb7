package riposte.core.interchange;

/** A STIX bundle Riposte cannot read; the message names the object (index and id) and the property. */
public final class StixFormatException extends IllegalArgumentException {
    public StixFormatException(String message) {
        super(message);
    }
}
