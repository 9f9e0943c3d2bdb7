package riposte.core.enrichment;

/** What happened to one section of one enrichment. */
public sealed interface SectionOutcome {

    Section section();

    /** The source answered (now or earlier, see {@link Provenance#cacheHit()}). */
    record Fetched(SectionResult result, Provenance provenance) implements SectionOutcome {
        @Override
        public Section section() {
            return result.section();
        }
    }

    /** The source could not answer; {@code message} is safe to show (no secrets). Failures are never cached. */
    record Failed(Section section, ErrorKind kind, String message, boolean retriable) implements SectionOutcome {}

    /** The section does not apply to this indicator, e.g. MD5 on an endpoint that takes SHA-256 only. */
    record NotApplicable(Section section, String reason) implements SectionOutcome {}
}
