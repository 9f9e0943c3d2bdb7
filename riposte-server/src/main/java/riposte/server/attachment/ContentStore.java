package riposte.server.attachment;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.system.Sql;

/**
 * Content-addressed storage, for attachment contents and report PDFs alike: a file in the blob directory named by its SHA-256 and a {@code blobs} row, which the blob sweep deletes once nothing refers to
 * it any more (attachments, {@code reports.pdf_sha256}).
 */
@Component
public class ContentStore {
    private final BlobStore blobs;
    private final AttachmentRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;

    ContentStore(BlobStore blobs, AttachmentRepository repository, TransactionTemplate tx, Clock clock) {
        this.blobs = blobs;
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
    }

    /** Content as stored: its SHA-256 (its name) and its size in bytes. */
    public record Stored(String sha256, long size) {}

    /**
     * Stores {@code content} (written to a temporary file first, outside any transaction) and, in one transaction
     * with the blob row, lets {@code recordReference} record where it is used, so that the sweep never sees the
     * content unreferenced; returns what {@code recordReference} returns. If that fails, the transaction rolls back
     * and the file, referenced by nothing, is left to the blob sweep.
     */
    public <T> T store(InputStream content, Function<Stored, T> recordReference) {
        BlobStore.Staged staged = blobs.stage(content);
        try {
            return tx.execute(status -> {
                if (!repository.lockBlob(staged.sha256())) {
                    repository.insertBlob(staged.sha256(), staged.size(), Sql.now(clock));
                }
                blobs.commit(staged);
                return recordReference.apply(new Stored(staged.sha256(), staged.size()));
            });
        } finally {
            blobs.discard(staged);
        }
    }

    /** The stored file of this content, if it is there. */
    public Optional<Path> path(String sha256) {
        Path path = blobs.path(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
}
