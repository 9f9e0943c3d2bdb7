/**
 * Sharing indicators in the open standards: STIX 2.1 identifiers ({@link riposte.core.interchange.StixIds}),
 * patterns ({@link riposte.core.interchange.StixPatterns}) and a streaming bundle writer
 * ({@link riposte.core.interchange.StixBundleWriter}). Framework-free; JSON through Jackson.
 */
package riposte.core.interchange;
