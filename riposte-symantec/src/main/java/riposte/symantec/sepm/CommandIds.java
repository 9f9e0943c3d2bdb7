package riposte.symantec.sepm;

import java.util.Map;
import java.util.Optional;

/**
 * The command ids SEPM returns for a command sent to computers and/or groups: {@code commandID_computer},
 * {@code commandID_group} (EOC, quarantine) or a single {@code commandID} (upload, cancel). Unknown keys are kept.
 */
public record CommandIds(Map<String, String> ids) {
    public CommandIds {
        ids = ids == null ? Map.of() : Map.copyOf(ids);
    }

    /** {@code commandID_computer}. */
    public Optional<String> forComputers() {
        return Optional.ofNullable(ids.get("commandID_computer"));
    }

    /** {@code commandID_group}. */
    public Optional<String> forGroups() {
        return Optional.ofNullable(ids.get("commandID_group"));
    }

    /** {@code commandID} (upload, cancel), else the computer one, else the group one. */
    public Optional<String> single() {
        return Optional.ofNullable(ids.get("commandID")).or(this::forComputers).or(this::forGroups);
    }
}
