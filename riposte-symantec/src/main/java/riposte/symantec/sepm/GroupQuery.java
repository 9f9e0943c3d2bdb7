package riposte.symantec.sepm;

/**
 * Filters of {@code GET /groups}; null means "not sent". {@code tree} asks for {@code mode=tree} (children nested
 * in {@link Group#childGroups()}), which fn_sep could never send.
 */
public record GroupQuery(String domain, String fullPathName, boolean tree, String order, String sort, int pageSize) {
    /** SEPM's default is 25; groups are few, so fewer, larger pages. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    public GroupQuery {
        if (pageSize < 1) throw new SepmInvalidRequestException("page size must be at least 1");
    }

    public static GroupQuery all() {
        return new GroupQuery(null, null, false, null, null, DEFAULT_PAGE_SIZE);
    }

    public GroupQuery withDomain(String domainId) {
        return new GroupQuery(domainId, fullPathName, tree, order, sort, pageSize);
    }

    public GroupQuery withFullPathName(String v) {
        return new GroupQuery(domain, v, tree, order, sort, pageSize);
    }

    public GroupQuery asTree() {
        return new GroupQuery(domain, fullPathName, true, order, sort, pageSize);
    }

    public GroupQuery withPageSize(int v) {
        return new GroupQuery(domain, fullPathName, tree, order, sort, v);
    }
}
