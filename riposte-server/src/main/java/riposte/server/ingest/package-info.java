/**
 * E-mail ingestion: every message (REST upload, CLI import, watched mailbox) is stored raw and recorded by
 * Message-ID (or content) before it is parsed, in one transaction per message, so a second delivery is a no-op; SEPM
 * notifications that pass the rule become incidents with their fields, the .eml attachment and artifacts the
 * allow-list lets through; unreadable messages are kept with the reason.
 */
package riposte.server.ingest;
