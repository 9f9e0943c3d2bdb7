/**
 * Client for the on-premises Symantec Endpoint Protection Manager REST API ({@code /sepm/api/v1} and
 * {@code /sepm/api/v2}), and the endpoint-compliance calculator built on its computer records.
 *
 * <p>Entry point: {@link riposte.symantec.sepm.SepmClient}. Wire format: {@code reference/sepm-rest-api.md}.
 * Values are records parsed tolerantly (unknown fields ignored, missing ones null); failures are
 * {@link riposte.symantec.sepm.SepmException}s.
 */
package riposte.symantec.sepm;
