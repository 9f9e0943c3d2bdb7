package riposte.core.playbook;

/**
 * The ports a {@link PlaybookEngine} executes steps against. A port may be null when no playbook needs it; a step
 * that does fails permanently with a message naming the missing port.
 */
public record PlaybookPorts(FunctionInvoker functions, AttributeWriter attributes, NoteWriter notes,
        ReportWriter reports, DataTableWriter tables, AttachmentWriter attachments, IndicatorWriter indicators) {

    static <T> T require(T port, String name) {
        if (port == null) throw new FunctionException(StepError.Kind.PERMANENT, "no " + name + " is configured");
        return port;
    }
}
