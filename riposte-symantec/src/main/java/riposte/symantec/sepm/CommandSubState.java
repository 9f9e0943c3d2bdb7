package riposte.symantec.sepm;

import java.util.Map;

/** Descriptions of {@code subStateId} values (Broadcom KB229117). */
public final class CommandSubState {
    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(-1, "Unknown"), Map.entry(0, "Success"),
            Map.entry(1, "Client did not execute the command"), Map.entry(2, "Client did not report any status"),
            Map.entry(3, "Command was a duplicate and was not executed"),
            Map.entry(4, "Spooled command could not restart"),
            Map.entry(5, "Restart command not allowed from the console"), Map.entry(6, "Unexpected error"),
            Map.entry(100, "Success"), Map.entry(101, "Security risk found"), Map.entry(102, "Scan was suspended"),
            Map.entry(103, "Scan was aborted"), Map.entry(105, "Scan did not return status"),
            Map.entry(106, "Scan failed to start"), Map.entry(110, "Auto-Protect could not be turned on"),
            Map.entry(120, "LiveUpdate download is in progress"), Map.entry(121, "LiveUpdate download failed"),
            Map.entry(131, "Quarantine delete failed"), Map.entry(132, "Quarantine delete partial success"));

    private CommandSubState() {}

    /** The description of a sub-state, or {@code "Sub-state <n>"} for codes not in the KB. */
    public static String describe(Integer subStateId) {
        if (subStateId == null) return "Unknown";
        return DESCRIPTIONS.getOrDefault(subStateId, "Sub-state " + subStateId);
    }
}
