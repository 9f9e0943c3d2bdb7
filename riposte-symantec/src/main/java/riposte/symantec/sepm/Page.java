package riposte.symantec.sepm;

import java.util.List;

/**
 * One page of a SEPM list, in Spring Data's {@code Page} JSON: {@code number} is 0-based while the request's
 * {@code pageIndex} is 1-based. Any field may be missing on the wire; {@link #content()} is never null.
 *
 * @param <T> the item type
 */
public record Page<T>(List<T> content, Integer number, Integer size, Integer numberOfElements, Long totalElements,
                      Integer totalPages, Boolean firstPage, Boolean lastPage) {
    public Page {
        content = content == null ? List.of() : List.copyOf(content);
    }

    /**
     * Whether a page after this one (requested as {@code pageIndex}, 1-based) may exist. Stops on an empty page,
     * on {@code lastPage}, when {@code totalPages} is reached, or, when the server sends neither, on a short page.
     */
    boolean hasNextAfter(int pageIndex) {
        if (content.isEmpty()) return false;
        if (Boolean.TRUE.equals(lastPage)) return false;
        if (totalPages != null) return pageIndex < totalPages;
        if (lastPage != null) return true;
        return size == null || content.size() >= size;
    }
}
