package riposte.core.allowlist;

/**
 * Text that is not an allow-list entry; the message names the input, what was wrong and what is accepted, and
 * {@link #field()} says which part was wrong.
 */
public final class InvalidAllowListEntryException extends IllegalArgumentException {
    private final String input;
    private final String field;

    InvalidAllowListEntryException(String field, String input, String message) {
        super(message);
        this.field = field;
        this.input = input;
    }

    /** The text as the user gave it. */
    public String input() {
        return input;
    }

    /** {@code value} or {@code reason}. */
    public String field() {
        return field;
    }
}
