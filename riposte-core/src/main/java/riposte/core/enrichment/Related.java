package riposte.core.enrichment;

import java.util.List;
import riposte.core.indicator.Indicator;

/** Indicators related to a file or network indicator, grouped by relation ({@code byProcessChain}, …). */
public record Related(Indicator indicator, String echo, List<Group> groups, String raw) implements SectionResult {

    /**
     * One group: the type of the related indicators as the source spelled it ({@code File}, {@code Domain},
     * {@code IP}, or anything new), their values, and the relation ({@code bySignature}, … kept verbatim).
     */
    public record Group(String iocType, List<String> iocValues, String relation) {
        public Group {
            iocValues = List.copyOf(iocValues);
        }
    }

    public Related {
        groups = List.copyOf(groups);
    }

    @Override
    public Section section() {
        return Section.RELATED;
    }

    @Override
    public boolean isEmpty() {
        return groups.stream().allMatch(g -> g.iocValues().isEmpty());
    }
}
