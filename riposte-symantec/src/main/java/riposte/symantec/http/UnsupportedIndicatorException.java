package riposte.symantec.http;

import riposte.core.enrichment.ErrorKind;
import riposte.core.indicator.IndicatorType;

/** An endpoint was called with an indicator type it does not take; thrown before any request. CLI exit code 2. */
public final class UnsupportedIndicatorException extends SymantecApiException {
    private final IndicatorType type;

    public UnsupportedIndicatorException(IndicatorType type, String message) {
        super(message, null);
        this.type = type;
    }

    public IndicatorType type() {
        return type;
    }

    @Override
    public ErrorKind errorKind() {
        return ErrorKind.INVALID_INDICATOR;
    }
}
