package riposte.cli.server;

import java.io.PrintWriter;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;

/** {@code --page} and {@code --size} checks, and the line under a listed page. */
final class Paging {
    private Paging() {}

    static void check(Integer page, Integer size) {
        if (page != null && page < 0) throw new CliException(ExitCodes.USAGE, "--page counts from 0, was " + page);
        if (size != null && (size < 1 || size > 200)) {
            throw new CliException(ExitCodes.USAGE, "--size must be 1-200, was " + size);
        }
    }

    static void footer(PrintWriter out, Views.Page page, String things) {
        String more = page.page() + 1 < page.totalPages() ? "; --page " + (page.page() + 1) + " for the next" : "";
        String pages = page.totalPages() <= 1 ? "" : " (pages 0 to " + (page.totalPages() - 1) + ")";
        out.println(page.totalItems() + " " + things + ", page " + page.page() + pages + more);
        out.flush();
    }
}
