package riposte.simulator.sepm;

/** The kinds of simulated commands; each decides its side effect on completion. */
enum CommandKind {
    EOC_SCAN, EOC_REMEDIATE, UPLOAD, QUARANTINE, UNQUARANTINE, CANCEL, OTHER;

    boolean isEoc() {
        return this == EOC_SCAN || this == EOC_REMEDIATE;
    }
}
