/**
 * The Symantec SES Threat Intel API simulator: {@link riposte.simulator.ses.SesSimulator} serves the token endpoint
 * and the nine Threat Intel endpoints with the wire format of {@code reference/ses-threat-intel-api.md}, backed by
 * the reference's curated records and the seeded {@link riposte.simulator.ses.SesPopulation}.
 */
package riposte.simulator.ses;
