package riposte.symantec.sepm;

/** The {@code {id, name}} domain reference inside groups and computers. */
public record DomainRef(String id, String name) {}
