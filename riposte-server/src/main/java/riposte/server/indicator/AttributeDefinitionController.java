package riposte.server.indicator;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.system.Actor;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/attribute-definitions/export} (viewer: a JSON file download) and {@code …/import} (admin: the same
 * file, or a bare list; idempotent, all-or-nothing).
 */
@RestController
@RequestMapping("/api/v1/attribute-definitions")
class AttributeDefinitionController {
    static final String FILE_NAME = "Riposte_Attribute_Definitions.json";
    private final AttributeDefinitionTransfer transfer;
    private final Actor actor;

    AttributeDefinitionController(AttributeDefinitionTransfer transfer, Actor actor) {
        this.transfer = transfer;
        this.actor = actor;
    }

    @GetMapping("/export")
    ResponseEntity<AttributeDefinitionTransfer.ExportFile> export() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(FILE_NAME).build()
                        .toString())
                .body(transfer.export());
    }

    @PostMapping("/import")
    AttributeDefinitionTransfer.ImportResult importFile(@RequestBody JsonNode file) {
        return transfer.importFile(actor.current(), file);
    }
}
