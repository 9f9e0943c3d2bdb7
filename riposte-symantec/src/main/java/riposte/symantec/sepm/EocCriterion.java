package riposte.symantec.sepm;

import java.util.List;
import java.util.Map;

/**
 * One {@code <File>} of an EOC result: the criterion as SEPM echoed it ({@code name}, the non-empty hashes by type)
 * and what the endpoint found for it.
 */
public record EocCriterion(String fileName, Map<String, String> hashes, List<EocMatch> matches) {
    public EocCriterion {
        hashes = Map.copyOf(hashes);
        matches = List.copyOf(matches);
    }
}
