package riposte.core.enrichment;

import java.util.ArrayList;
import java.util.List;
import riposte.core.indicator.Indicator;

/**
 * The most common parent-process lineages of a file, most common first. Each lineage is given nested (as the
 * source sends it: a node and its {@code parent}) and flattened ({@link #flattened()}: direct parent first).
 */
public record ProcessChain(Indicator indicator, String echo, List<Node> lineages, String raw)
        implements SectionResult {

    /** One process: its file SHA-256 and process name (either may be null) and its parent, or null at the root. */
    public record Node(String file, String processName, Node parent) {}

    public ProcessChain {
        lineages = List.copyOf(lineages);
    }

    /** Each lineage as a list, the direct parent of the queried file first and the root process last. */
    public List<List<Node>> flattened() {
        List<List<Node>> out = new ArrayList<>(lineages.size());
        for (Node n : lineages) {
            List<Node> line = new ArrayList<>();
            // Bounded walk: a hostile reply cannot make this loop forever since the tree is parsed, not linked.
            for (Node cur = n; cur != null; cur = cur.parent()) line.add(cur);
            out.add(List.copyOf(line));
        }
        return List.copyOf(out);
    }

    @Override
    public Section section() {
        return Section.PROCESS_CHAIN;
    }

    @Override
    public boolean isEmpty() {
        return lineages.isEmpty();
    }
}
