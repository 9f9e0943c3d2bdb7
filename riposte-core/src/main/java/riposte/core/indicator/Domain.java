package riposte.core.indicator;

/** A registrable DNS name under a public suffix, in lower-case ASCII (IDNA) form without a trailing dot. */
public record Domain(String value) implements Indicator {
    public Domain {
        value = IndicatorParser.require(value, IndicatorType.DOMAIN);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.DOMAIN;
    }
}
