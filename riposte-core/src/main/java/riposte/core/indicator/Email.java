package riposte.core.indicator;

/** An e-mail address; the domain part is normalised like a {@link Domain}. */
public record Email(String value) implements Indicator {
    public Email {
        value = IndicatorParser.require(value, IndicatorType.EMAIL);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.EMAIL;
    }
}
