package riposte.server.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import riposte.server.audit.AuditLog;
import riposte.server.incident.IncidentRefs;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;

/**
 * Attachment use cases. An upload is stored through {@link ContentStore}: streamed to the blob directory (hashing as
 * it goes) before the transaction; the transaction then locks or creates the blob row, moves the content into place
 * and records the attachment and its audit entry. A delete removes the content when nothing references it any more.
 */
@Service
public class AttachmentService {
    static final String KIND = "attachment";
    private final AttachmentRepository attachments;
    private final BlobStore blobs;
    private final IncidentRefs incidents;
    private final AuditLog audit;
    private final ContentStore content;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, BlobStore blobs, IncidentRefs incidents, AuditLog audit,
            ContentStore content, Clock clock) {
        this.attachments = attachments;
        this.blobs = blobs;
        this.incidents = incidents;
        this.audit = audit;
        this.content = content;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<AttachmentView> list(long incidentId, PageQuery page) {
        incidents.requireExists(incidentId);
        return PageResponse.of(attachments.find(incidentId, page), page, attachments.count(incidentId));
    }

    @Transactional(readOnly = true)
    AttachmentView get(long incidentId, long id) {
        return attachments.get(incidentId, id).orElseThrow(() -> {
            incidents.requireExists(incidentId); // a missing incident is named as such, not as a missing attachment
            return new NotFoundException(KIND, id);
        });
    }

    /** Public for the web console's upload form; size limits are the multipart limits (RIPOSTE_MAX_UPLOAD_SIZE). */
    public AttachmentView upload(String actor, long incidentId, MultipartFile file) {
        if (file == null) {
            throw new InvalidFieldException("file", "is required: send multipart/form-data with the file in a part named file");
        }
        String name = fileName(file.getOriginalFilename());
        String type = contentType(file.getContentType(), name);
        try (InputStream in = file.getInputStream()) {
            return store(actor, incidentId, name, type, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    /** Stores {@code content} as an attachment of the incident (name and type already checked). */
    AttachmentView store(String actor, long incidentId, String name, String type, InputStream in) {
        incidents.requireExists(incidentId);
        return content.store(in, stored -> attach(actor, incidentId, name, type, stored));
    }

    /**
     * Records content already in the {@link ContentStore} as an attachment of the incident, inside the caller's
     * transaction (for e-mail ingestion, whose raw message is the incident's .eml attachment).
     */
    public AttachmentView attach(String actor, long incidentId, String name, String type, ContentStore.Stored stored) {
        incidents.requireExists(incidentId); // deleted meanwhile: rolled back, the file is left to the sweep
        var draft = new AttachmentView(0, incidentId, name, type, stored.size(), stored.sha256(), actor,
                Sql.now(clock));
        AttachmentView created = get(incidentId, attachments.insert(draft));
        audit.record(actor, "create", KIND, created.id(), null, created);
        return created;
    }

    /** The metadata and the stored file; a 404 when either is gone. */
    @Transactional(readOnly = true)
    Download download(long incidentId, long id) {
        AttachmentView a = get(incidentId, id);
        Path path = blobs.path(a.sha256());
        if (!Files.isRegularFile(path)) throw new NotFoundException("content of attachment", id);
        return new Download(a, path);
    }

    record Download(AttachmentView attachment, Path path) {}

    @Transactional
    void delete(String actor, long incidentId, long id) {
        AttachmentView before = get(incidentId, id);
        attachments.lockBlob(before.sha256());
        attachments.delete(id);
        audit.record(actor, "delete", KIND, id, before, null);
        if (attachments.references(before.sha256()) == 0) {
            attachments.deleteBlob(before.sha256());
            // Last, under the blob row's lock: an upload of the same content waits for this transaction.
            blobs.delete(before.sha256());
        }
    }

    /** The last path segment, without control characters; 1 to 255 characters. */
    static String fileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidFieldException("file", "has no file name: the part must carry a filename "
                    + "(Content-Disposition: form-data; name=\"file\"; filename=\"...\")");
        }
        if (name.length() > 255) {
            throw new InvalidFieldException("file", "has a file name of " + name.length() + " characters: at most 255 are accepted");
        }
        return name;
    }

    /** The declared type when it parses, else a guess from the file name, else application/octet-stream. */
    static String contentType(String declared, String fileName) {
        if (declared != null && !declared.isBlank()) {
            try {
                MediaType type = MediaType.parseMediaType(declared);
                if (!type.isWildcardType() && !type.isWildcardSubtype() && type.toString().length() <= 200
                        && !type.equals(MediaType.APPLICATION_OCTET_STREAM)) {
                    return type.toString();
                }
            } catch (org.springframework.util.InvalidMimeTypeException ignored) {
                // fall through to the guess
            }
        }
        return MediaTypeFactory.getMediaType(fileName).map(MediaType::toString)
                .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
    }
}
