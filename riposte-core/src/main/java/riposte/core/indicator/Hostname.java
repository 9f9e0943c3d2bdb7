package riposte.core.indicator;

/**
 * A single-label host name ({@code ws-042}), lower-case. The parser makes every multi-label name a {@link Domain}, known
 * suffix or not; a host name built directly may have several labels (an endpoint's FQDN).
 */
public record Hostname(String value) implements Indicator {
    public Hostname {
        value = IndicatorParser.require(value, IndicatorType.HOSTNAME);
    }

    @Override
    public IndicatorType type() {
        return IndicatorType.HOSTNAME;
    }
}
