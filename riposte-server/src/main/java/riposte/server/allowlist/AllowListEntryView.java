package riposte.server.allowlist;

import java.time.Instant;

/**
 * An allow-list entry as the API returns it; {@code kind} is a {@link riposte.core.allowlist.AllowListEntry.Kind} id
 * such as {@code address} or {@code wildcard_domain}, {@code value} the normalised value, {@code expiresAt} null for
 * never.
 */
public record AllowListEntryView(long id, String kind, String value, String reason, String createdBy,
        Instant createdAt, Instant expiresAt) {

    /** A new entry: {@code reason} may be left out when the request gives a shared one. */
    public record Create(String value, String reason, Instant expiresAt) {}

    /**
     * Entries to add, all or none: {@code reason} is used for those without their own.
     */
    public record Add(java.util.List<Create> entries, String reason) {}

    /**
     * What {@code GET /api/v1/allowlist/check} answers: the value as given, the indicator it parses as, and the entry
     * that allow-lists it (null when none does).
     */
    public record Check(String value, String indicatorType, String indicatorValue, boolean allowListed,
            AllowListEntryView entry) {}

    /** {@code "our mail provider (allow-list entry *.example.com)"}: what an allow-listed artifact records. */
    public String because() {
        String text = reason + " (allow-list entry " + value + ")";
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }
}
