package riposte.server.system;

import java.util.Map;

/** Turns a client's {@code sort} parameter ({@code field} or {@code -field} for descending) into an ORDER BY. */
public final class SortOrder {
    private SortOrder() {}

    /**
     * @param allowed API field name to SQL expression; only these can be sorted on
     * @param fallback the ORDER BY expression when no sort is given
     * @return {@code " order by ..."}, always ending with {@code id} so that paging is stable
     */
    public static String orderBy(String sort, Map<String, String> allowed, String fallback) {
        if (sort == null || sort.isBlank()) return " order by " + fallback;
        String s = sort.strip();
        boolean descending = s.startsWith("-");
        String field = descending || s.startsWith("+") ? s.substring(1) : s;
        String expression = allowed.get(field);
        if (expression == null) {
            throw new InvalidFieldException("sort", "'" + Choices.shorten(sort) + "' is not accepted: expected one of "
                    + String.join(", ", new java.util.TreeSet<>(allowed.keySet()))
                    + ", optionally prefixed with - for descending order");
        }
        return " order by " + expression + (descending ? " desc" : " asc") + ", id" + (descending ? " desc" : " asc");
    }
}
