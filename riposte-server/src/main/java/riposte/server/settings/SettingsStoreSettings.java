package riposte.server.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code riposte.settings}.
 *
 * @param checkInterval how long a node answers a stored setting from memory before it compares the stored version
 *     with its own (one primary-key read) and reloads the value if another node saved it; a save on this node is
 *     seen here at once. So with several nodes on one database, a change reaches the others within this interval.
 */
@ConfigurationProperties("riposte.settings")
public record SettingsStoreSettings(@DefaultValue("2s") Duration checkInterval) {}
