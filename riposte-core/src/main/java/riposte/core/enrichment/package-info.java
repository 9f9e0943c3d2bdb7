/**
 * The typed enrichment model: what a threat-intel source says about one indicator, section by section
 * ({@link riposte.core.enrichment.SectionResult}), how each section was obtained
 * ({@link riposte.core.enrichment.SectionOutcome}, {@link riposte.core.enrichment.Provenance}), and the verdict
 * computed from it ({@link riposte.core.enrichment.VerdictPolicy}).
 *
 * <p>Usage:
 * <pre>{@code
 * ThreatIntelSource source = ...;                       // e.g. SesThreatIntelSource
 * SectionCache cache = SectionCache.inMemory(SectionTtls.defaults(), Clock.systemUTC(), 100_000);
 * Enricher enricher = new Enricher(source, cache, new VerdictPolicy());
 * Enrichment e = enricher.enrich(IndicatorParser.parse("evil.example"), EnumSet.allOf(Section.class));
 * e.assessment().verdict();
 * }</pre>
 * Framework-free: JDK, Jackson (for parsing replies) only.
 */
package riposte.core.enrichment;
