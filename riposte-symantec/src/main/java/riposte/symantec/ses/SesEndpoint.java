package riposte.symantec.ses;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import riposte.core.enrichment.Section;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorType;
import riposte.symantec.http.UnsupportedIndicatorException;

/** The nine SES Threat Intel endpoints: all {@code GET <path>/<indicator>}, the indicator as one path segment. */
public enum SesEndpoint {
    FILE_INSIGHT("/v1/threat-intel/insight/file", Section.INSIGHT, Family.FILE),
    NETWORK_INSIGHT("/v1/threat-intel/insight/network", Section.INSIGHT, Family.NETWORK),
    NETWORK_HISTORY("/v1/threat-intel/insight/network/history", Section.HISTORY, Family.NETWORK),
    FILE_PROTECTION("/v1/threat-intel/protection/file", Section.PROTECTION, Family.FILE),
    NETWORK_PROTECTION("/v1/threat-intel/protection/network", Section.PROTECTION, Family.NETWORK),
    CVE_PROTECTION("/v1/threat-intel/protection/cve", Section.PROTECTION, Family.CVE),
    FILE_RELATED("/v1/threat-intel/related/file", Section.RELATED, Family.FILE),
    NETWORK_RELATED("/v1/threat-intel/related/network", Section.RELATED, Family.NETWORK),
    PROCESS_CHAIN("/v1/threat-intel/processchain/file", Section.PROCESS_CHAIN, Family.FILE);

    /** What each family of endpoints takes, and how to say so when it is given something else. */
    enum Family {
        FILE(EnumSet.of(IndicatorType.SHA256), "the file endpoints take SHA-256 only"),
        NETWORK(EnumSet.of(IndicatorType.DOMAIN, IndicatorType.IPV4, IndicatorType.URL),
                "the network endpoints take a domain, an IPv4 address or a URL"),
        CVE(EnumSet.of(IndicatorType.CVE), "the CVE endpoint takes a CVE id (CVE-YYYY-NNNN)");

        final Set<IndicatorType> accepts;
        final String rule;

        Family(Set<IndicatorType> accepts, String rule) {
            this.accepts = accepts;
            this.rule = rule;
        }
    }

    /** {@code values()} copies the array on each call; the lookup below runs on the enrichment hit path. */
    private static final SesEndpoint[] ALL = values();

    private final String path;
    private final Section section;
    private final Family family;

    SesEndpoint(String path, Section section, Family family) {
        this.path = path;
        this.section = section;
        this.family = family;
    }

    /** The path before the indicator segment, e.g. {@code /v1/threat-intel/insight/file}. */
    public String path() {
        return path;
    }

    public Section section() {
        return section;
    }

    public Set<IndicatorType> accepts() {
        return family.accepts;
    }

    /** Why this endpoint does not take {@code type}, or null if it does. */
    public String rejection(IndicatorType type) {
        if (family.accepts.contains(type)) return null;
        String extra = type == IndicatorType.IPV6 ? "; Symantec's Threat Intel API has no IPv6 support" : "";
        return family.rule + "; " + type.label() + " is not accepted" + extra;
    }

    /** Throws {@link UnsupportedIndicatorException} unless the endpoint takes {@code indicator}'s type. */
    void check(Indicator indicator) {
        String why = rejection(indicator.type());
        if (why != null) throw new UnsupportedIndicatorException(indicator.type(), name().toLowerCase(java.util.Locale.ROOT) + ": " + why);
    }

    /** The endpoint serving {@code section} for {@code type}, or null. */
    static SesEndpoint forSection(Section section, IndicatorType type) {
        for (SesEndpoint e : ALL) {
            if (e.section == section && e.family.accepts.contains(type)) return e;
        }
        return null;
    }

    /** A reason for "no endpoint gives {@code section} for {@code type}". */
    static String noEndpointReason(Section section, IndicatorType type) {
        Set<SesEndpoint> candidates = EnumSet.noneOf(SesEndpoint.class);
        boolean hash = type == IndicatorType.MD5 || type == IndicatorType.SHA1;
        for (SesEndpoint e : values()) {
            // For a hash, only the file rule is relevant: "take SHA-256 only; MD5 is not accepted".
            if (e.section == section && (!hash || e.family == Family.FILE)) candidates.add(e);
        }
        if (candidates.isEmpty()) {
            return section.jsonName() + " is not available for a " + type.label();
        }
        String rules = candidates.stream().map(e -> e.family.rule).distinct().collect(Collectors.joining("; "));
        String extra = type == IndicatorType.IPV6 ? " (Symantec's Threat Intel API has no IPv6 support)" : "";
        return section.jsonName() + ": " + rules + "; " + type.label() + " is not accepted" + extra;
    }
}
