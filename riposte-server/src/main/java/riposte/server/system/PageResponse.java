package riposte.server.system;

import java.util.List;

/** One page of a list; {@code page} counts from 0. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
        int pages = (int) ((totalItems + query.size() - 1) / query.size());
        return new PageResponse<>(items, query.page(), query.size(), totalItems, pages);
    }
}
