package riposte.symantec.sepm;

/**
 * One {@code <Matched>} element of an EOC result: what an endpoint found for one file criterion. A closed set:
 * a hash match, a full or partial path match, no match, or a {@code result} value this client does not know.
 */
public sealed interface EocMatch {

    /** How the match was remediated ({@link Remediation#NOT_REQUESTED} for plain scans and for no-match). */
    default Remediation remediation() {
        return Remediation.NOT_REQUESTED;
    }

    /** {@code HASH_MATCH}: a file with the criterion's hash, at {@code path}. */
    record HashMatch(String path, String hashType, Remediation remediation) implements EocMatch {}

    /** {@code FULL_MATCH}: a file at the criterion's path, whose hash is {@code hashValue}. */
    record FullMatch(String path, String hashType, String hashValue, Remediation remediation) implements EocMatch {}

    /** {@code PARTIAL_MATCH}: a file whose name partly matches the criterion. */
    record PartialMatch(String path, String hashType, String hashValue, Remediation remediation) implements EocMatch {}

    /** {@code NO_MATCH}: nothing found for this criterion. */
    record NoMatch() implements EocMatch {}

    /** A {@code result} value this client does not know, kept as sent. */
    record OtherMatch(String result, String path, Remediation remediation) implements EocMatch {}
}
