package riposte.cli.server;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The parts of the server's answers the tables show; {@code --json} prints the answers themselves. */
final class Views {
    private Views() {}

    record Incident(long id, String name, String description, String type, String severity, String status,
            String owner, Instant createdAt, Instant updatedAt, Instant closedAt, long version, long artifactCount) {}

    record Artifact(long id, String type, String value, String description, String source, boolean allowListed,
            Instant createdAt) {}

    record Note(long id, String author, String body, Instant createdAt) {}

    record Task(long id, String title, String owner, String status, Instant dueAt) {}

    record Indicator(long id, String type, String value, String verdict, int confidence, List<String> tags,
            Instant createdAt, Instant updatedAt, long version) {}

    record Attachment(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
            Instant createdAt) {}

    record Column(String name, String label, String type) {}

    record DataTable(long id, String name, String displayName, String group, List<Column> columns) {}

    record Attribute(String name, String value, String source, Instant updatedAt) {}

    /** The metadata of a page: {@code {items, page, size, totalItems, totalPages}}. */
    record Page(int page, int size, long totalItems, int totalPages) {
        static Page of(JsonNode node) {
            return new Page(node.path("page").asInt(), node.path("size").asInt(), node.path("totalItems").asLong(),
                    node.path("totalPages").asInt());
        }
    }

    /** The {@code items} of a page (or the elements of an array answer) as records. */
    static <T> List<T> items(JsonNode pageOrArray, Class<T> type) {
        JsonNode items = pageOrArray.isArray() ? pageOrArray : pageOrArray.path("items");
        List<T> list = new ArrayList<>();
        for (JsonNode item : items) list.add(ApiCommand.as(item, type));
        return list;
    }

    /** A timestamp to the second, or empty. */
    static String time(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
