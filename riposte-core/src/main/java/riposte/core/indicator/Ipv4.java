package riposte.core.indicator;

/** An IPv4 address in dotted-quad form. */
public record Ipv4(String value) implements Indicator {
    public Ipv4 {
        value = IndicatorParser.require(value, IndicatorType.IPV4);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.IPV4;
    }
}
