package riposte.core.indicator;

/** An MD5 file hash, 32 lower-case hex digits. */
public record Md5(String value) implements Indicator {
    public Md5 {
        value = IndicatorParser.require(value, IndicatorType.MD5);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.MD5;
    }
}
