package riposte.core.indicator;

/** A Windows or Unix file path, kept as given (trimmed). */
public record FilePath(String value) implements Indicator {
    public FilePath {
        value = IndicatorParser.require(value, IndicatorType.FILE_PATH);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.FILE_PATH;
    }
}
