package riposte.server.interchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import riposte.core.interchange.Tlp;

/**
 * Settings under {@code riposte.interchange}: TLP defaults and limits for STIX, MISP and TAXII.
 *
 * @param defaultTlp the TLP of a new indicator or incident when none is given ({@code clear}, {@code green},
 *     {@code amber}, {@code amber+strict}, {@code red})
 * @param exportMaxTlp the most restricted TLP a REST or CLI export may include; indicators above it are left out
 * @param taxii the TAXII server's limits
 * @param maxImportSize the largest STIX bundle or MISP event accepted for import, in bytes
 * @param maxImportIndicators the most indicators one import may hold
 */
@ConfigurationProperties("riposte.interchange")
public record InterchangeSettings(
        @DefaultValue("amber") String defaultTlp,
        @DefaultValue("red") String exportMaxTlp,
        @DefaultValue Taxii taxii,
        @DefaultValue("10485760") long maxImportSize,
        @DefaultValue("10000") int maxImportIndicators) {

    public InterchangeSettings {
        level("riposte.interchange.default-tlp", defaultTlp);
        level("riposte.interchange.export-max-tlp", exportMaxTlp);
    }

    /**
     * @param maxTlp the most restricted TLP the TAXII collections serve
     * @param allowRed whether a TAXII collection may serve TLP:RED at all; without it, a {@code max-tlp} of red is
     *     served as amber+strict (TLP:RED is for named recipients, never a feed)
     */
    public record Taxii(@DefaultValue("amber") String maxTlp, @DefaultValue("false") boolean allowRed) {
        public Taxii {
            level("riposte.interchange.taxii.max-tlp", maxTlp);
        }

        /** The most restricted TLP TAXII serves. */
        public Tlp effectiveMaxTlp() {
            Tlp max = level("riposte.interchange.taxii.max-tlp", maxTlp);
            return max == Tlp.RED && !allowRed ? Tlp.AMBER_STRICT : max;
        }
    }

    public Tlp defaultLevel() {
        return level("riposte.interchange.default-tlp", defaultTlp);
    }

    public Tlp exportMaxLevel() {
        return level("riposte.interchange.export-max-tlp", exportMaxTlp);
    }

    private static Tlp level(String key, String text) {
        return Tlp.parse(text).orElseThrow(() -> new IllegalArgumentException(
                key + " must be one of " + Tlp.accepted() + ", was '" + text + "'"));
    }
}
