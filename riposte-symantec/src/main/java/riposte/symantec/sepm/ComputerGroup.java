package riposte.symantec.sepm;

/**
 * The group of a {@link Computer}. In {@code /computers} SEPM puts the full path in {@code name}
 * ({@code My Company\Group_2}) and leaves {@code fullPathName} null; {@link #path()} gives whichever is set.
 */
public record ComputerGroup(String id, String name, String fullPathName, String externalReferenceId, String source,
                            DomainRef domain) {
    /** The group's full path. */
    public String path() {
        return fullPathName != null && !fullPathName.isBlank() ? fullPathName : name;
    }
}
