package riposte.core.enrichment;

/** The overall judgement on an indicator, in increasing order of severity (UNKNOWN, BENIGN, SUSPICIOUS, MALICIOUS). */
public enum Verdict {
    UNKNOWN, BENIGN, SUSPICIOUS, MALICIOUS;

    /** The more severe of the two. */
    public Verdict max(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
