package riposte.symantec.sepm;

import java.util.List;

/** {@code GET /stats/client/onlinestatus}: how many clients are {@code Online} and {@code Offline}. */
public record OnlineStatusCounts(Long lastUpdated, List<Count> clientCountStatsList) {
    public OnlineStatusCounts {
        clientCountStatsList = clientCountStatsList == null ? List.of() : List.copyOf(clientCountStatsList);
    }

    /** The count for a status ({@code Online}, {@code Offline}), 0 if absent. */
    public long count(String status) {
        return clientCountStatsList.stream().filter(c -> status.equalsIgnoreCase(c.status()))
                .mapToLong(c -> c.clientsCount() == null ? 0 : c.clientsCount()).sum();
    }

    /** One status bucket. */
    public record Count(String status, Integer clientsCount) {}
}
