package riposte.server.settings;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * A new set of auto-enrichment rules, replacing the configuration's (or the last saved) as a whole. A source,
 * indicator type or playbook left out of its map is on; name only what you switch off, or everything as
 * {@code GET} shows it.
 *
 * @param version the version you last read (0 if never saved): a stale one is a 409 and nothing changes
 */
public record AutoEnrichmentUpdate(
        @NotNull(message = "is required: true or false") Boolean enabled,
        Map<String, Boolean> sources,
        Map<String, Boolean> types,
        Map<String, Boolean> playbooks,
        @NotNull(message = "is required: the version you last read (0 if never saved)") Long version) {}
