/**
 * The Symantec Endpoint Security (SES, ICDm) Threat Intel client: {@link riposte.symantec.ses.SesClient}, its
 * endpoints ({@link riposte.symantec.ses.SesEndpoint}), credentials ({@link riposte.symantec.ses.SesCredentials})
 * and the adapter to the core enrichment port ({@link riposte.symantec.ses.SesThreatIntelSource}).
 */
package riposte.symantec.ses;
