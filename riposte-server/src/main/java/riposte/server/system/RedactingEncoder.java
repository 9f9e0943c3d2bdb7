package riposte.server.system;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;

/**
 * The console encoder of {@code logback-spring.xml}: human-readable lines (Spring Boot's pattern) by default, or
 * one JSON object per line when {@code RIPOSTE_LOG_FORMAT} is {@code json} (Elastic Common Schema, as
 * {@code ecs}), {@code logstash} or {@code gelf} — Spring Boot's structured logging — and in both cases every
 * finished line passes through the {@link Redactor}, so no secret reaches standard output whatever logged it.
 *
 * <p>The secret values masked literally are the configured ones, read from the Spring environment (which holds the
 * {@code RIPOSTE_*} environment variables and the values {@code riposte serve} took from {@code riposte.yml}).
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {
    /** Settings whose values are secrets, masked literally wherever they appear. */
    static final List<String> SECRET_SETTINGS = List.of("RIPOSTE_DB_PASSWORD", "RIPOSTE_ADMIN_PASSWORD",
            "RIPOSTE_ADMIN_API_TOKEN", "RIPOSTE_SECRET_KEY", "RIPOSTE_API_TOKEN", "RIPOSTE_SES_CLIENT_SECRET",
            "RIPOSTE_SES_OAUTH_CREDENTIALS", "RIPOSTE_SEPM_PASSWORD", "spring.datasource.password",
            "riposte.security.admin-password", "riposte.security.admin-api-token", "riposte.secrets.key");

    private String format = "";
    private String pattern;
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegate;
    private Redactor redactor = new Redactor(List.of());

    /** {@code RIPOSTE_LOG_FORMAT}: empty or {@code text}, {@code json} (= {@code ecs}), {@code ecs}, {@code logstash}, {@code gelf}. */
    public void setFormat(String format) {
        this.format = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        String structured = switch (format) {
            case "", "text", "plain" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            default -> throw new IllegalArgumentException("RIPOSTE_LOG_FORMAT is '" + format
                    + "': expected text (the default), json (Elastic Common Schema), ecs, logstash or gelf");
        };
        if (structured == null) {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(getContext());
            text.setPattern(pattern);
            text.setCharset(charset);
            delegate = text;
        } else {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setContext(getContext());
            json.setFormat(structured);
            json.setCharset(charset);
            delegate = json;
        }
        delegate.start();
        redactor = new Redactor(secretValues());
        super.start();
    }

    private List<String> secretValues() {
        List<String> values = new ArrayList<>();
        Object environment = getContext() == null ? null : getContext().getObject(Environment.class.getName());
        for (String name : SECRET_SETTINGS) {
            String value = environment instanceof Environment env ? env.getProperty(name) : System.getenv(name);
            if (value != null) values.add(value);
        }
        return values;
    }

    @Override
    public void stop() {
        if (delegate != null) delegate.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate == null ? null : delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        String text = new String(line, charset);
        String redacted = redactor.redact(text);
        return redacted == text ? line : redacted.getBytes(charset);
    }

    @Override
    public byte[] footerBytes() {
        return delegate == null ? null : delegate.footerBytes();
    }
}
