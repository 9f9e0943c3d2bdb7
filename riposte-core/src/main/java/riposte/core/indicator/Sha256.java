package riposte.core.indicator;

/** A SHA-256 file hash, 64 lower-case hex digits. */
public record Sha256(String value) implements Indicator {
    public Sha256 {
        value = IndicatorParser.require(value, IndicatorType.SHA256);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.SHA256;
    }
}
