package riposte.server.system;

/** A validated page request: {@code page} from 0, {@code size} from 1 to the configured maximum. */
public record PageQuery(int page, int size) {

    public long offset() {
        return (long) page * size;
    }

    /** Validates the raw query parameters; a bad value is a 400 naming the parameter. */
    public static PageQuery of(Integer page, Integer size, ServerSettings settings) {
        int p = page == null ? 0 : page;
        int s = size == null ? settings.defaultPageSize() : size;
        if (p < 0) throw new InvalidFieldException("page", "must be 0 or more (pages count from 0)");
        if (p > 10_000_000) throw new InvalidFieldException("page", "must be at most 10000000");
        if (s < 1 || s > settings.maxPageSize()) {
            throw new InvalidFieldException("size", "must be between 1 and " + settings.maxPageSize()
                    + " (the largest page: riposte.server.max-page-size)");
        }
        return new PageQuery(p, s);
    }
}
