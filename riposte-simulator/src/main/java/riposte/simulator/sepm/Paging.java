package riposte.simulator.sepm;

import riposte.simulator.http.JsonWriter;

/**
 * The Spring Data page JSON of reference §5: {@code pageIndex} from 1 in, {@code number} from 0 out,
 * {@code sort} echoed as an array.
 */
record Paging(int pageIndex, int pageSize, boolean ascending, String sortProperty) {

    static Paging of(Query query, int defaultSize, String defaultSort) {
        int index = Math.max(1, query.integer("pageIndex", 1));
        int size = query.integer("pageSize", defaultSize);
        if (size < 1) {
            throw new Query.BadRequest("pageSize must be positive");
        }
        boolean asc = !"DESC".equalsIgnoreCase(query.first("order", "ASC").strip());
        return new Paging(index, size, asc, query.first("sort", defaultSort).strip());
    }

    /** First item offset of the page (may exceed the total: the page is then empty). */
    long offset() {
        return (long) (pageIndex - 1) * pageSize;
    }

    int count(long total) {
        return (int) Math.max(0, Math.min(pageSize, total - offset()));
    }

    /** Writes the page; {@code item} writes the item at a page-relative position 0..count-1. */
    String write(long total, String sortEcho, ItemWriter item) {
        int count = count(total);
        int totalPages = (int) ((total + pageSize - 1) / pageSize);
        JsonWriter w = new JsonWriter(new StringBuilder(256 + count * 512)).beginObject().name("content").beginArray();
        for (int i = 0; i < count; i++) {
            item.write(w, i);
        }
        w.endArray()
                .field("totalPages", totalPages)
                .field("totalElements", total)
                .field("size", pageSize)
                .field("number", pageIndex - 1)
                .name("sort").beginArray().beginObject()
                .field("direction", ascending ? "ASC" : "DESC")
                .field("property", sortEcho)
                .field("ascending", ascending)
                .endObject().endArray()
                .field("firstPage", pageIndex == 1)
                .field("lastPage", pageIndex >= totalPages)
                .field("numberOfElements", count)
                .endObject();
        return w.toString();
    }

    /** Writes one item of a page. */
    @FunctionalInterface
    interface ItemWriter {
        void write(JsonWriter w, int pagePosition);
    }
}
