package riposte.server.playbook;

/**
 * Filters of the run list, each optional: the object ({@code objectKind} indicator, artifact, incident or row;
 * {@code objectTable} for rows; {@code objectId} its database id), the playbook id and the run state.
 */
public record RunFilter(String objectKind, String objectTable, String objectId, String playbookId, String state) {
    public static final RunFilter ALL = new RunFilter(null, null, null, null, null);
}
