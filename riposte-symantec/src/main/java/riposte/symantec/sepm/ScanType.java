package riposte.symantec.sepm;

/** The EOC {@code <ScanType>}. */
public enum ScanType {
    QUICK_SCAN,
    FULL_SCAN
}
