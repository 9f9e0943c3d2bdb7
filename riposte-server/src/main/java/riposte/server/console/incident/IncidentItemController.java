package riposte.server.console.incident;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import riposte.server.artifact.ArtifactCreate;
import riposte.server.artifact.ArtifactService;
import riposte.server.artifact.ArtifactView;
import riposte.server.attachment.AttachmentService;
import riposte.server.attachment.AttachmentView;
import riposte.server.console.FormCheck;
import riposte.server.note.NoteService;
import riposte.server.note.NoteView;
import riposte.server.system.Actor;
import riposte.server.system.InvalidFieldException;

/**
 * The add forms of the artifacts, notes and attachments tabs. Each goes through the same service (and the same
 * checks, audit and parsing) as the REST API; the answer is the tab again with a message naming what was added or
 * which field was refused.
 */
@Controller
@RequestMapping("/console/incidents/{id}")
class IncidentItemController {
    private final IncidentPage page;
    private final ArtifactService artifacts;
    private final NoteService notes;
    private final AttachmentService attachments;
    private final Actor actor;
    private final FormCheck forms;

    IncidentItemController(IncidentPage page, ArtifactService artifacts, NoteService notes,
            AttachmentService attachments, Actor actor, FormCheck forms) {
        this.page = page;
        this.artifacts = artifacts;
        this.notes = notes;
        this.attachments = attachments;
        this.actor = actor;
        this.forms = forms;
    }

    /** Adds an artifact; the value is typed (or checked against the chosen type) by the indicator parser. */
    @PostMapping("/artifacts")
    String addArtifact(@PathVariable long id, @RequestParam(required = false) String type,
            @RequestParam(required = false) String value, @RequestParam(required = false) String description,
            @RequestParam(required = false) String source, @RequestParam(required = false) Boolean allowListed,
            @RequestParam(required = false) String allowListReason,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        String error = null;
        String success = null;
        try {
            ArtifactView created = artifacts.create(actor.current(), id, forms.valid(new ArtifactCreate(
                    IncidentListController.blankToNull(type), value, IncidentListController.blankToNull(description),
                    IncidentListController.blankToNull(source), allowListed,
                    IncidentListController.blankToNull(allowListReason))));
            success = "Artifact added: " + created.type() + " " + created.value();
        } catch (InvalidFieldException e) {
            error = "Artifact not added: " + String.join("; ", FormCheck.lines(e));
        }
        return page.respond(request, model, redirect, id, "artifacts", error, success);
    }

    @PostMapping("/notes")
    String addNote(@PathVariable long id, @RequestParam(required = false) String body,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        String error = null;
        try {
            NoteView.Create note = forms.valid(new NoteView.Create(body));
            notes.create(actor.current(), id, note);
        } catch (InvalidFieldException e) {
            error = "Note not added: " + String.join("; ", FormCheck.lines(e));
        }
        return page.respond(request, model, redirect, id, "notes", error, "Note added.");
    }

    /**
     * Uploads an attachment. The size limit is the server's multipart limit: a larger file is refused before it
     * reaches this method (a 413 problem document, which the console script shows beside the form).
     */
    @PostMapping("/attachments")
    String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        String error = null;
        String success = null;
        try {
            if (file != null && file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                throw new InvalidFieldException("file", "is required: choose a file to upload");
            }
            AttachmentView created = attachments.upload(actor.current(), id, file);
            success = "Attached " + created.fileName() + " (" + created.size() + " bytes).";
        } catch (InvalidFieldException e) {
            error = "Not attached: " + String.join("; ", FormCheck.lines(e));
        }
        return page.respond(request, model, redirect, id, "attachments", error, success);
    }
}
