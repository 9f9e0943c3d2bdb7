package riposte.core.indicator;

/** A host name that is not under a public suffix ({@code ws-042}, {@code files.corp.local}), lower-case. */
public record Hostname(String value) implements Indicator {
    public Hostname {
        value = IndicatorParser.require(value, IndicatorType.HOSTNAME);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.HOSTNAME;
    }
}
