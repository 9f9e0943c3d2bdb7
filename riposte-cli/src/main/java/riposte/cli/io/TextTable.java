package riposte.cli.io;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with fixed column widths, so rows can be printed as they stream in. Every cell is passed
 * through {@link Terminal#safe} (SEPM, threat and server data are attacker-influenced: names, paths, artifact values, notes) and cut to
 * its width with a trailing {@code …}; the last column is never cut.
 */
public final class TextTable {
    private final PrintWriter out;
    private final List<Integer> widths = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();

    public TextTable(PrintWriter out) {
        this.out = out;
    }

    public TextTable column(String header, int width) {
        headers.add(header);
        widths.add(width);
        return this;
    }

    public TextTable header() {
        row(headers.toArray());
        return this;
    }

    public void row(Object... cells) {
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
