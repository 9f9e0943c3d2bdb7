package riposte.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Riposte server: persistence on H2 or PostgreSQL and the REST API under {@code /api/v1}.
 *
 * <p>The CLI starts it with {@link #start(String...)}, passing Spring Boot arguments such as {@code --server.port=9090};
 * the returned context stays running until it is closed (or the JVM receives SIGTERM, which shuts down gracefully).
 * <pre>{@code
 * try (var server = RiposteServer.start("--server.port=0")) { ... }
 * }</pre>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RiposteServer {

    /** Starts the server and returns once it accepts requests; throws if configuration or migrations fail. */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(RiposteServer.class);
        return app.run(args);
    }

    /** Runs the server until it is stopped; for {@code java -cp ... riposte.server.RiposteServer}. */
    public static void main(String[] args) {
        start(args);
    }
}
