package riposte.core.indicator;

/**
 * A multi-label DNS name in lower-case ASCII (IDNA) form without a trailing dot, under a public suffix or not
 * ({@code c2.example}: new gTLDs appear before the public-suffix list knows them).
 */
public record Domain(String value) implements Indicator {
    public Domain {
        value = IndicatorParser.require(value, IndicatorType.DOMAIN);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.DOMAIN;
    }
}
