package riposte.symantec.sepm;

import java.util.List;

/**
 * {@code GET /events/critical}: SEPM's critical notifications ("Server Health Alert", "New software package
 * available", ...). {@code eventDateTime} is kept as sent ({@code 2024-06-26 14:02:38.0}); {@code acknowledged} is 0 or 1.
 */
public record CriticalEvents(Long lastUpdated, Integer totalUnacknowledgedMessages, List<Event> criticalEventsInfoList) {
    public CriticalEvents {
        criticalEventsInfoList = criticalEventsInfoList == null ? List.of() : List.copyOf(criticalEventsInfoList);
    }

    /** One critical event. */
    public record Event(String eventId, String eventDateTime, String subject, String message, Integer acknowledged) {}
}
