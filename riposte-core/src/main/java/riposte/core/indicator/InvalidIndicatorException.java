package riposte.core.indicator;

/** User input that is not an indicator (of the expected type); the message says what was wrong and what is accepted. */
public final class InvalidIndicatorException extends IllegalArgumentException {
    private final String input;

    public InvalidIndicatorException(String input, String message) {
        super(message);
        this.input = input;
    }

    /** The text as the user gave it. */
    public String input() {
        return input;
    }
}
