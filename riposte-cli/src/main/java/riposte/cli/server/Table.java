package riposte.cli.server;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import riposte.cli.io.Terminal;

/**
 * A plain-text table with fixed column widths, so rows can be printed as they stream in. Every cell is passed
 * through {@link Terminal#safe} (server data is attacker-influenced: names, artifact values, notes) and cut to
 * its width with a trailing {@code …}; the last column is never cut.
 */
final class Table {
    private final PrintWriter out;
    private final List<Integer> widths = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();

    Table(PrintWriter out) {
        this.out = out;
    }

    Table column(String header, int width) {
        headers.add(header);
        widths.add(width);
        return this;
    }

    Table header() {
        row(headers.toArray());
        return this;
    }

    void row(Object... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String text = Terminal.safe(cells[i]);
            boolean last = i == cells.length - 1 || i >= widths.size();
            if (last) {
                line.append(text);
                break;
            }
            int w = widths.get(i);
            if (text.length() > w) text = text.substring(0, w - 1) + "…";
            line.append(text).append(" ".repeat(w - text.length() + 2));
        }
        out.println(line.toString().stripTrailing());
        out.flush();
    }
}
