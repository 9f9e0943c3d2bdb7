package riposte.symantec.sepm;

/**
 * SEPM answered with an error status, after any retries. Carries SEPM's error body
 * ({@code {"errorCode":"410","appErrorCode":"","errorMessage":"..."}}); the message names the call, the status and
 * SEPM's {@code errorMessage}. CLI exit code 4.
 */
public final class SepmApiException extends SepmException {
    private final int status;
    private final String errorCode;
    private final String appErrorCode;
    private final String errorMessage;

    SepmApiException(int status, String errorCode, String appErrorCode, String errorMessage, String message) {
        super(message, null);
        this.status = status;
        this.errorCode = errorCode;
        this.appErrorCode = appErrorCode;
        this.errorMessage = errorMessage;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** SEPM's {@code errorCode} (the status as a string), or null if the body had none. */
    public String errorCode() {
        return errorCode;
    }

    /** SEPM's {@code appErrorCode} (usually empty), or null. */
    public String appErrorCode() {
        return appErrorCode;
    }

    /** SEPM's {@code errorMessage} (or {@code message}, {@code error_description}), or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** 404, or SEPM's usual 410 "Cannot find the specified object". */
    public boolean notFound() {
        return status == 404 || status == 410;
    }

    /** 409: duplicate name, or a conflict with current settings. */
    public boolean conflict() {
        return status == 409;
    }

    /** 429 and 5xx. */
    @Override
    public boolean retriable() {
        return status == 429 || status >= 500;
    }
}
