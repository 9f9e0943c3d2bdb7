package riposte.server.enrichment;

/** The enrichment playbooks on H2. */
class H2EnrichmentPlaybooksTest extends EnrichmentPlaybooksContract {}
