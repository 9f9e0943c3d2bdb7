package riposte.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Without RIPOSTE_ADMIN_PASSWORD the first start generates one and prints it exactly once. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:riposte-generated-admin;DB_CLOSE_DELAY=-1",
        "riposte.security.admin-password=",
        "riposte.security.admin-api-token=",
        "riposte.secrets.data-dir=target/test-data",
        "logging.level.riposte=WARN"})
class GeneratedAdminPasswordTest {
    private static final Pattern PRINTED = Pattern.compile("first start: admin password is (\\S+)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AdminBootstrap bootstrap;

    @Test
    void generatedPasswordIsPrintedOnceAndWorks(CapturedOutput output) {
        bootstrap.afterSingletonsInstantiated(); // a second start prints nothing
        Matcher m = PRINTED.matcher(output.getOut());
        assertThat(m.find()).as(output.getOut()).isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(m.find()).as("printed only once").isFalse();
        assertThat(output.getAll().split(Pattern.quote(password), -1)).hasSize(2);
        String hash = jdbc.sql("select password_hash from users where username = 'admin'").query(String.class).single();
        assertThat(encoder.matches(password, hash)).isTrue();
    }
}
