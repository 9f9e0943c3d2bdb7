package riposte.server.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;
import riposte.server.system.PageResponse;

/**
 * Paging links for a list page: the current request's URL with only {@code page} changed, so every filter is kept.
 * Rendered by {@code console/parts :: pager(${pager})}.
 */
public record Pager(int page, int totalPages, long totalItems, String previousUrl, String nextUrl) {

    public static Pager of(PageResponse<?> response, HttpServletRequest request) {
        String previous = response.page() > 0 ? withPage(request, response.page() - 1) : null;
        String next = response.page() + 1 < response.totalPages() ? withPage(request, response.page() + 1) : null;
        return new Pager(response.page(), response.totalPages(), response.totalItems(), previous, next);
    }

    private static String withPage(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
    }
}
