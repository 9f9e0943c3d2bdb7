package riposte.server.playbook.ports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import riposte.core.playbook.PlaybookPorts;
import riposte.server.enrichment.SesFunctions;
import riposte.server.sepm.SepmFunctions;

/** The one {@link PlaybookPorts} bean: {@code ses.*} and {@code sepm.*} functions and every writer against the server's services. */
@Configuration(proxyBeanMethods = false)
class PlaybookPortsConfiguration {

    @Bean
    PlaybookPorts playbookPorts(SesFunctions ses, SepmFunctions sepm, ServerAttributeWriter attributes, ServerNoteWriter notes,
            ServerReportWriter reports, ServerDataTableWriter tables, ServerAttachmentWriter attachments,
            ServerIndicatorWriter indicators) {
        return new PlaybookPorts(new PlaybookFunctions(ses, sepm), attributes, notes, reports, tables, attachments, indicators);
    }
}
