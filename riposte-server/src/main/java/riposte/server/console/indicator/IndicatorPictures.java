package riposte.server.console.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riposte.server.indicator.AttributeView;
import riposte.server.indicator.IndicatorView;

/**
 * The indicator page's pictures as SVG geometry computed on the server (the templates only draw shapes and escaped
 * text): a file's process lineage as a tree, and the indicators associated with one as a small graph around it.
 */
final class IndicatorPictures {
    /** The attribute the Process Chain playbook writes: lineages joined by ", ", processes by " > ", root first. */
    static final String LINEAGE_ATTRIBUTE = "Symantec ThreatIntel Process Lineage";
    static final int MAX_RELATED = 24;
    private static final int NODE_W = 170;
    private static final int NODE_H = 26;
    private static final int GAP_X = 40;
    private static final int GAP_Y = 12;

    private IndicatorPictures() {}

    /** A box with a label (cut to fit; the full text in {@code title}), and the CSS class for its colour. */
    public record Node(double x, double y, double width, double height, String label, String title, String css,
            String href) {}

    /** A line between two points. */
    public record Edge(double x1, double y1, double x2, double y2) {}

    /** A drawing: its size, nodes and edges. */
    public record Picture(int width, int height, List<Node> nodes, List<Edge> edges) {}

    /** The lineage tree from the attribute, or null when the indicator has none. */
    static Picture lineage(List<AttributeView> attributes) {
        List<List<String>> lines = new ArrayList<>();
        for (AttributeView a : attributes) {
            if (!a.name().equalsIgnoreCase(LINEAGE_ATTRIBUTE) || a.value() == null) continue;
            for (String line : a.value().split(", ")) {
                List<String> names = new ArrayList<>();
                for (String n : line.split(" > ")) if (!n.isBlank()) names.add(n.strip());
                if (!names.isEmpty()) lines.add(names);
            }
        }
        if (lines.isEmpty()) return null;
        TreeNode root = new TreeNode("");
        for (List<String> line : lines) {
            TreeNode at = root;
            for (String name : line) at = at.children.computeIfAbsent(name, TreeNode::new);
        }
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        int[] row = {0};
        for (TreeNode top : root.children.values()) place(top, 0, row, nodes, edges);
        int maxDepth = nodes.stream().mapToInt(n -> (int) (n.x() / (NODE_W + GAP_X))).max().orElse(0);
        return new Picture((maxDepth + 1) * (NODE_W + GAP_X) + 10, row[0] * (NODE_H + GAP_Y) + 10, nodes, edges);
    }

    /** Places {@code t} and its subtree (leaves one per row, a parent centred on its children); returns its y. */
    private static double place(TreeNode t, int depth, int[] row, List<Node> nodes, List<Edge> edges) {
        double x = 5 + depth * (NODE_W + GAP_X);
        double y;
        if (t.children.isEmpty()) {
            y = 5 + row[0]++ * (NODE_H + GAP_Y);
        } else {
            List<Double> childYs = new ArrayList<>();
            for (TreeNode c : t.children.values()) childYs.add(place(c, depth + 1, row, nodes, edges));
            y = (childYs.getFirst() + childYs.getLast()) / 2;
            for (double cy : childYs) {
                edges.add(new Edge(x + NODE_W, y + NODE_H / 2.0, x + NODE_W + GAP_X, cy + NODE_H / 2.0));
            }
        }
        nodes.add(new Node(x, y, NODE_W, NODE_H, cut(t.name, 26), t.name, "node", null));
        return y;
    }

    /** The indicators associated with {@code center} around it, coloured by verdict and linked to their pages. */
    static Picture related(IndicatorView center, List<IndicatorView> others) {
        if (others.isEmpty()) return null;
        List<IndicatorView> shown = others.size() > MAX_RELATED ? others.subList(0, MAX_RELATED) : others;
        int width = 640;
        int height = shown.size() <= 8 ? 300 : 400;
        double cx = width / 2.0;
        double cy = height / 2.0;
        double rx = width / 2.0 - 95;
        double ry = height / 2.0 - 30;
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node(cx, cy, 16, 16, cut(center.value(), 30), center.type() + " " + center.value(),
                "center " + verdictCss(center), null));
        for (int i = 0; i < shown.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / shown.size();
            double x = cx + rx * Math.cos(angle);
            double y = cy + ry * Math.sin(angle);
            IndicatorView o = shown.get(i);
            edges.add(new Edge(cx, cy, x, y));
            nodes.add(new Node(x, y, 10, 10, cut(o.value(), 24), o.type() + " " + o.value() + " ("
                    + o.verdict().name().toLowerCase(java.util.Locale.ROOT) + ")", verdictCss(o),
                    "/console/indicators/" + o.id()));
        }
        return new Picture(width, height, nodes, edges);
    }

    private static String verdictCss(IndicatorView v) {
        return v.verdict().name().toLowerCase(java.util.Locale.ROOT);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static final class TreeNode {
        final String name;
        final Map<String, TreeNode> children = new LinkedHashMap<>();

        TreeNode(String name) {
            this.name = name;
        }
    }
}
