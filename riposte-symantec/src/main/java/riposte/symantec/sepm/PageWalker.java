package riposte.symantec.sepm;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks every page of a SEPM list lazily: a page is fetched only when the previous one is consumed, and only
 * one page is held at a time, so a fleet of 50 000 computers streams in constant memory.
 *
 * <p>The walk ends on {@link Page#hasNextAfter}. A server that ignores {@code pageIndex} (answers the same
 * {@code number} again) would make naive clients loop forever; this walker fails instead.
 */
final class PageWalker<T> implements Iterator<T> {
    private final IntFunction<Page<T>> fetch;
    private Iterator<T> current = null;
    private int pageIndex = 0;
    private boolean more = true;

    private PageWalker(IntFunction<Page<T>> fetch) {
        this.fetch = fetch;
    }

    /** A lazy stream over all items; {@code fetch} gets the 1-based page index. */
    static <T> Stream<T> stream(IntFunction<Page<T>> fetch) {
        PageWalker<T> walker = new PageWalker<>(fetch);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walker, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while ((current == null || !current.hasNext()) && more) {
            pageIndex++;
            Page<T> page = fetch.apply(pageIndex);
            if (page.number() != null && page.number() != pageIndex - 1) {
                throw new SepmProtocolException("SEPM answered page number " + page.number() + " when page index "
                        + pageIndex + " (number " + (pageIndex - 1) + ") was asked; stopping instead of looping");
            }
            more = page.hasNextAfter(pageIndex);
            current = page.content().iterator();
        }
        return current != null && current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.next();
    }
}
