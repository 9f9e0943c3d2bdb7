package riposte.server.console.incident;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import riposte.server.console.FormCheck;
import riposte.server.datatable.DefinitionView;
import riposte.server.datatable.RowService;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.PageQuery;

/**
 * Builds {@link TableView}s from the row service: one paged, sorted, filtered query (rows and count) plus one stamp
 * aggregate per table. A filter or sort the service refuses is dropped and reported on the table, so the table still
 * shows.
 */
@Component
class TableRenderer {
    static final int PAGE_SIZE = 25;
    private final RowService rows;

    TableRenderer(RowService rows) {
        this.rows = rows;
    }

    TableView render(long incidentId, DefinitionView table, String sort, List<String> filters, int page) {
        List<String> wanted = filters == null ? List.of() : List.copyOf(filters);
        String stamp = rows.stamp(incidentId, table.id()).token();
        try {
            var result = rows.list(incidentId, table.name(), wanted, sort, new PageQuery(Math.max(page, 0), PAGE_SIZE));
            if (page > 0 && result.items().isEmpty() && result.totalItems() > 0) {
                // past the end (rows were deleted, or an old link): show the last page instead
                result = rows.list(incidentId, table.name(), wanted, sort,
                        new PageQuery(Math.max(result.totalPages() - 1, 0), PAGE_SIZE));
            }
            return new TableView(incidentId, table, result, sort, wanted, stamp, null);
        } catch (InvalidFieldException e) {
            var result = rows.list(incidentId, table.name(), List.of(), null, new PageQuery(0, PAGE_SIZE));
            return new TableView(incidentId, table, result, null, List.of(), stamp,
                    String.join("; ", FormCheck.lines(e)));
        }
    }

    List<TableView> render(long incidentId, List<DefinitionView> tables) {
        var out = new ArrayList<TableView>(tables.size());
        for (DefinitionView t : tables) out.add(render(incidentId, t, null, List.of(), 0));
        return out;
    }

    /** The current stamp token of a table on an incident, to answer a live-update poll. */
    String stamp(long incidentId, DefinitionView table) {
        return rows.stamp(incidentId, table.id()).token();
    }
}
