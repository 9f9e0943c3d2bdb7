package riposte.server.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code riposte.server}.
 *
 * @param blobDir directory where attachment and report contents are stored, one file per SHA-256
 * @param defaultPageSize page size when a list request gives none
 * @param maxPageSize the largest page size a client may ask for
 * @param blobSweepInterval how often blob files that nothing refers to any more are looked for and deleted
 * @param blobSweepGrace how old such a file (and its record) must be before it is deleted, so that content being
 *     uploaded right now is never touched
 * @param maxConcurrentRequests how many requests are worked on at once, the others waiting their turn in order
 *     ({@link Admission}); 0 (the default): no limit
 * @param admissionTimeout how long a request waits for its turn before it is answered 503 with Retry-After
 * @param maxBodySize the largest JSON request body accepted ({@link BodyLimit}: 413 above it); 0: no limit
 */
@ConfigurationProperties("riposte.server")
public record ServerSettings(
        @DefaultValue("./data/blobs") Path blobDir,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("200") int maxPageSize,
        @DefaultValue("1h") Duration blobSweepInterval,
        @DefaultValue("1h") Duration blobSweepGrace,
        @DefaultValue("0") int maxConcurrentRequests,
        @DefaultValue("5s") Duration admissionTimeout,
        @DefaultValue("10MB") DataSize maxBodySize) {}
