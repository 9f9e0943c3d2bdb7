package riposte.core.indicator;

/** A CVE id, {@code CVE-YYYY-NNNN…}, upper-case. */
public record Cve(String value) implements Indicator {
    public Cve {
        value = IndicatorParser.require(value, IndicatorType.CVE);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.CVE;
    }
}
