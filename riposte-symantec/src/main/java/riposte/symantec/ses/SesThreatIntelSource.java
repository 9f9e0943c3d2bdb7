package riposte.symantec.ses;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import riposte.core.enrichment.Section;
import riposte.core.enrichment.SectionResult;
import riposte.core.enrichment.ThreatIntelSource;
import riposte.core.indicator.Indicator;
import riposte.symantec.http.UnsupportedIndicatorException;

/**
 * SES Threat Intel as a core {@link ThreatIntelSource}: every {@link Section}, mapped to the endpoint that takes
 * the indicator's type (SHA-256 → file endpoints, domain/IPv4/URL → network endpoints, CVE → CVE protection).
 *
 * <pre>{@code
 * Enricher enricher = new Enricher(new SesThreatIntelSource(client), SesCache.create(SectionTtls.defaults(),
 *         Clock.systemUTC(), 100_000), new VerdictPolicy());
 * }</pre>
 */
public final class SesThreatIntelSource implements ThreatIntelSource {
    private static final Set<Section> SECTIONS = EnumSet.allOf(Section.class);
    private final SesClient client;
    private final String id;

    public SesThreatIntelSource(SesClient client) {
        this.client = client;
        this.id = "ses:" + client.baseUrl();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Section> sections() {
        return SECTIONS;
    }

    @Override
    public Optional<String> whyNotApplicable(Section section, Indicator indicator) {
        return SesEndpoint.forSection(section, indicator.type()) != null ? Optional.empty()
                : Optional.of(SesEndpoint.noEndpointReason(section, indicator.type()));
    }

    @Override
    public SectionResult fetch(Section section, Indicator indicator) {
        SesEndpoint endpoint = SesEndpoint.forSection(section, indicator.type());
        if (endpoint == null) {
            throw new UnsupportedIndicatorException(indicator.type(), SesEndpoint.noEndpointReason(section, indicator.type()));
        }
        return client.fetch(endpoint, indicator);
    }
}
