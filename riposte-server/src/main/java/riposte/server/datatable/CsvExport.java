package riposte.server.datatable;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as CSV (RFC 4180, CRLF, header of column labels). Text that a spreadsheet would run as a formula — starting
 * with {@code = + - @}, tab or carriage return — gets a leading apostrophe; numbers are written as numbers.
 */
final class CsvExport {
    private CsvExport() {}

    static String write(DefinitionView table, List<RowView> rows) {
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(table.columns().stream().map(c -> neutralise(c.label())).toList());
            for (RowView row : rows) {
                var record = new ArrayList<String>();
                for (Column c : table.columns()) {
                    Object v = row.cells().get(c.name());
                    record.add(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : neutralise(v.toString()));
                }
                csv.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
