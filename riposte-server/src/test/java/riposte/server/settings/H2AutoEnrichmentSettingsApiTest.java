package riposte.server.settings;

/** The auto-enrichment settings API on H2. */
class H2AutoEnrichmentSettingsApiTest extends AutoEnrichmentSettingsApiContract {}
