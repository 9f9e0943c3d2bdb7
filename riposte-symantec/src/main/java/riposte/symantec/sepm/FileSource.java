package riposte.symantec.sepm;

/** Where an endpoint looks for a file to upload; SEPM 12.1 clients only use {@link #FILESYSTEM}. */
public enum FileSource {
    FILESYSTEM, QUARANTINE, BOTH
}
