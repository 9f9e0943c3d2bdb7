package riposte.server.attachment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.system.ServerSettings;

/**
 * Deletes blob contents that nothing refers to any more — left by deleted incidents (their attachments go with
 * them), by uploads whose transaction failed after the file was moved into place, and temporary upload files of a
 * crashed upload — every {@code riposte.server.blob-sweep-interval}, once they are older than
 * {@code blob-sweep-grace}.
 *
 * <p>Safe against uploads running at the same time: a blob row is deleted only under its row lock after checking
 * again that nothing refers to it (an upload of the same content locks or inserts that row before it moves its
 * file); a file without a row is claimed by inserting its row first, so a concurrent upload of that content waits
 * for the sweep (or the sweep fails and leaves the file). Files younger than the grace period are never touched,
 * whatever the database says. Several servers on one database may sweep at once.
 */
@Component
class BlobSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BlobSweeper.class);
    private static final int BATCH = 500;

    private final AttachmentRepository attachments;
    private final BlobStore blobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration interval;
    private final Duration grace;
    private ScheduledExecutorService timer;

    BlobSweeper(AttachmentRepository attachments, BlobStore blobs, TransactionTemplate tx, Clock clock,
            ServerSettings settings) {
        this.attachments = attachments;
        this.blobs = blobs;
        this.tx = tx;
        this.clock = clock;
        this.interval = settings.blobSweepInterval();
        this.grace = settings.blobSweepGrace();
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("riposte.server.blob-sweep-interval (RIPOSTE_BLOB_SWEEP_INTERVAL) must be"
                    + " positive, e.g. 1h; was " + interval);
        }
        if (grace.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("riposte.server.blob-sweep-grace (RIPOSTE_BLOB_SWEEP_GRACE) must be at"
                    + " least 1m, so that uploads in progress are safe; was " + grace);
        }
    }

    /** What one sweep deleted. */
    record Swept(int unreferenced, int withoutRecord, int temporary) {
        int total() {
            return unreferenced + withoutRecord + temporary;
        }
    }

    /** One sweep now, deleting what became unreferenced before {@code now - grace}. */
    Swept sweep() {
        Instant cutoff = clock.instant().minus(grace);
        int unreferenced = 0;
        for (String sha : attachments.unreferencedBlobs(cutoff, BATCH)) {
            Boolean deleted = tx.execute(status -> {
                if (!attachments.lockBlob(sha) || attachments.references(sha) > 0) return false;
                attachments.deleteBlob(sha);
                blobs.delete(sha); // last, under the row lock
                return true;
            });
            if (Boolean.TRUE.equals(deleted)) unreferenced++;
        }
        int withoutRecord = 0;
        for (BlobStore.StoredFile file : blobs.list()) {
            if (!file.modified().isBefore(cutoff) || attachments.blobExists(file.sha256())) continue;
            try {
                Boolean deleted = tx.execute(status -> {
                    // Claim the content: an upload of it now waits on this row, or has it and makes this fail.
                    attachments.insertBlob(file.sha256(), 0, clock.instant());
                    blobs.delete(file.sha256());
                    attachments.deleteBlob(file.sha256());
                    return true;
                });
                if (Boolean.TRUE.equals(deleted)) withoutRecord++;
            } catch (DataAccessException e) {
                log.debug("Blob {} was claimed by an upload during the sweep; kept", file.sha256());
            }
        }
        int temporary = blobs.deleteStaleTemporaryFiles(cutoff);
        Swept swept = new Swept(unreferenced, withoutRecord, temporary);
        if (swept.total() > 0) {
            log.info("Blob sweep deleted {} unreferenced contents, {} files without a record and {} stale temporary"
                    + " upload files", unreferenced, withoutRecord, temporary);
        }
        return swept;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("blob-sweep").daemon().factory());
        timer.scheduleWithFixedDelay(this::sweepLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Blob sweep failed; it will run again in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) timer.shutdownNow();
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
