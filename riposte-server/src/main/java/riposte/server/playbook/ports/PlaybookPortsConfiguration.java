package riposte.server.playbook.ports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import riposte.core.playbook.PlaybookPorts;
import riposte.server.enrichment.SesFunctions;

/** The one {@link PlaybookPorts} bean: {@code ses.*} functions and every writer against the server's services. */
@Configuration(proxyBeanMethods = false)
class PlaybookPortsConfiguration {

    @Bean
    PlaybookPorts playbookPorts(SesFunctions functions, ServerAttributeWriter attributes, ServerNoteWriter notes,
            ServerReportWriter reports, ServerDataTableWriter tables, ServerAttachmentWriter attachments,
            ServerIndicatorWriter indicators) {
        return new PlaybookPorts(functions, attributes, notes, reports, tables, attachments, indicators);
    }
}
