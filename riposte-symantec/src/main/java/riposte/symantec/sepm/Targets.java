package riposte.symantec.sepm;

import java.util.List;
import java.util.stream.Stream;

/**
 * The endpoints a command goes to: computer ids ({@code uniqueId}), group ids, and, for quarantine only, hardware
 * keys. Ids are validated (32 hex digits); at least one target is required.
 */
public record Targets(List<String> computerIds, List<String> groupIds, List<String> hardwareKeys) {
    public Targets {
        computerIds = SepmIds.requireAll(computerIds, "computer id");
        groupIds = SepmIds.requireAll(groupIds, "group id");
        hardwareKeys = SepmIds.requireAll(hardwareKeys, "hardware key");
        if (computerIds.isEmpty() && groupIds.isEmpty() && hardwareKeys.isEmpty()) {
            throw new SepmInvalidRequestException("no target: give at least one computer id, group id or hardware key");
        }
    }

    public static Targets computers(String... ids) {
        return new Targets(List.of(ids), List.of(), List.of());
    }

    public static Targets computers(List<String> ids) {
        return new Targets(ids, List.of(), List.of());
    }

    public static Targets groups(String... ids) {
        return new Targets(List.of(), List.of(ids), List.of());
    }

    public static Targets hardwareKeys(String... keys) {
        return new Targets(List.of(), List.of(), List.of(keys));
    }

    /** These targets plus the given groups. */
    public Targets andGroups(String... ids) {
        return new Targets(computerIds, Stream.concat(groupIds.stream(), Stream.of(ids)).toList(), hardwareKeys);
    }
}
