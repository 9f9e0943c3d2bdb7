package riposte.server.ingest;

/** What one delivery did: {@code duplicate} when the message had been ingested before (nothing new was created). */
public record Ingested(boolean duplicate, MailRecord message) {}
