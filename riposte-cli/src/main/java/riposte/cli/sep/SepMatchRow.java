package riposte.cli.sep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import riposte.symantec.sepm.CommandStatus;
import riposte.symantec.sepm.EocCriterion;
import riposte.symantec.sepm.EocMatch;
import riposte.symantec.sepm.EocResult;

/**
 * One EOC match flattened with its endpoint, for tables and JSON: {@code result} is SEPM's value
 * ({@code HASH_MATCH}, {@code FULL_MATCH}, {@code PARTIAL_MATCH} or as sent), {@code remediation} the outcome.
 */
record SepMatchRow(String computerId, String computerName, String criterion, String result, String path,
                   String hashType, String hashValue, String remediation) {

    /** Every match of a row's {@code resultInXML}, distinct per criterion, in document order. */
    static List<SepMatchRow> of(CommandStatus row) {
        List<SepMatchRow> out = new ArrayList<>();
        EocResult result = row.eocResult().orElse(null);
        if (result == null) return out;
        for (EocCriterion c : result.criteria()) {
            String criterion = c.hashes().isEmpty() ? c.fileName() : String.join(",", c.hashes().values());
            Set<EocMatch> distinct = new LinkedHashSet<>(c.matches());
            for (EocMatch m : distinct) {
                SepMatchRow r = switch (m) {
                    case EocMatch.HashMatch h -> row(row, criterion, "HASH_MATCH", h.path(), h.hashType(), h.hashType() == null ? criterion : c.hashes().getOrDefault(h.hashType(), criterion), m);
                    case EocMatch.FullMatch f -> row(row, criterion, "FULL_MATCH", f.path(), f.hashType(), f.hashValue(), m);
                    case EocMatch.PartialMatch p -> row(row, criterion, "PARTIAL_MATCH", p.path(), p.hashType(), p.hashValue(), m);
                    case EocMatch.OtherMatch o -> row(row, criterion, o.result(), o.path(), null, null, m);
                    case EocMatch.NoMatch n -> null;
                };
                if (r != null) out.add(r);
            }
        }
        return out;
    }

    private static SepMatchRow row(CommandStatus s, String criterion, String result, String path, String hashType,
                                   String hashValue, EocMatch m) {
        return new SepMatchRow(s.computerId(), s.computerName(), criterion, result, path, hashType, hashValue, m.remediation().name());
    }
}
