package riposte.core.indicator;

/** An IPv6 address in its canonical (RFC 5952) text form. */
public record Ipv6(String value) implements Indicator {
    public Ipv6 {
        value = IndicatorParser.require(value, IndicatorType.IPV6);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.IPV6;
    }
}
