package riposte.server.datatable;

/** Numbered data-table pages from cached boundaries, on H2. */
class H2NumberedPagesTest extends NumberedPagesContract {}
