package riposte.server.datatable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The type of a column; stored and shown in lower case. */
enum ColumnType {
    TEXT, NUMBER, BOOLEAN, DATETIME, SELECT;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ColumnType> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }

    static String accepted() {
        return Arrays.stream(values()).map(ColumnType::id).collect(Collectors.joining(", "));
    }

    /** The typed cell column that holds values of this type (booleans are stored as {@code true}/{@code false}). */
    String cellColumn() {
        return switch (this) {
            case NUMBER -> "number_value";
            case DATETIME -> "time_value";
            default -> "text_value";
        };
    }
}
