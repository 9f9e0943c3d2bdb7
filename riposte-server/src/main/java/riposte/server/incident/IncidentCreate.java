package riposte.server.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new incident. {@code severity} is one of LOW, MEDIUM (default), HIGH, CRITICAL; {@code status} one of OPEN
 * (default), IN_PROGRESS, CLOSED; {@code type} is free text such as "Malware" (default "General"); {@code tlp} a
 * TLP 2.0 level (default: the setting {@code riposte.interchange.default-tlp}).
 */
public record IncidentCreate(
        @NotBlank @Size(max = 500) String name,
        @Size(max = 100_000) String description,
        @Size(max = 100) String type,
        String severity,
        String status,
        @Size(max = 100) String owner,
        String tlp) {

    /** Without a TLP (the default applies). */
    public IncidentCreate(String name, String description, String type, String severity, String status, String owner) {
        this(name, description, type, severity, status, owner, null);
    }
}
