/**
 * Symantec Threat Intelligence inside the server: the SES connection (configured or stored credential), the
 * {@code ses.*} playbook functions over the shared section cache, attribute-definition export and import, and bulk
 * enrichment of indicator lists.
 */
package riposte.server.enrichment;
