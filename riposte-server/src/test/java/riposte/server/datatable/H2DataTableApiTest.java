package riposte.server.datatable;

/** The data table API on H2. */
class H2DataTableApiTest extends DataTableApiContract {}
