package riposte.symantec.sepm;

/** {@code GET /command-queue/file/{id}/details} ({@code BinaryFile}): size and checksum of an uploaded file. */
public record FileDetails(String id, Long fileSize, String checksum) {}
