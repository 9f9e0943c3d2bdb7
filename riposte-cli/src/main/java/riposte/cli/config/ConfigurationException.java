package riposte.cli.config;

/** Bad configuration: the message names the setting and what is accepted. Exit code 2. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
