package riposte.core.indicator;

/** A SHA-1 file hash, 40 lower-case hex digits. */
public record Sha1(String value) implements Indicator {
    public Sha1 {
        value = IndicatorParser.require(value, IndicatorType.SHA1);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.SHA1;
    }
}
