package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import riposte.simulator.sepm.SepmSimulator;

/** Authentication, token reuse and renewal, logout, TLS trust, against the simulator over HTTPS. */
class SepmClientAuthTest {
    static final String AUTH = "POST /sepm/api/v1/identity/authenticate";
    static final String LOGOUT = "POST /sepm/api/v1/identity/logout";

    @Test
    void authenticatesOnceReusesTheTokenAndLogsOutOnClose() throws Exception {
        try (SepmSimFixture f = SepmSimFixture.start(SepmSimulator.builder().endpoints(30).seed(1))) {
            try (SepmClient sepm = f.client()) {
                assertThat(f.calls(AUTH)).isZero(); // lazy
                sepm.domains();
                sepm.version();
                sepm.computers(ComputerQuery.all()).count();
                assertThat(f.calls(AUTH)).isEqualTo(1);
                assertThat(sepm.authentications()).isEqualTo(1);
                assertThat(sepm.toString()).doesNotContain(f.sim.password());
            }
            assertThat(f.calls(LOGOUT)).isEqualTo(1);
        }
    }

    @Test
    void reauthenticatesOnceAndRetriesOn401() throws Exception {
        try (SepmSimFixture f = SepmSimFixture.start(SepmSimulator.builder().endpoints(10).seed(2));
             SepmClient sepm = f.client()) {
            assertThat(sepm.domains()).isNotEmpty();
            f.sim.expireTokens();
            assertThat(sepm.domains()).isNotEmpty();
            assertThat(f.calls(AUTH)).isEqualTo(2);
            assertThat(f.sim.stats().http().unauthorized()).isEqualTo(1);
        }
    }

    @Test
    void renewsTheTokenBeforeItExpiresInsteadOfWaitingForA401() throws Exception {
        try (SepmSimFixture f = SepmSimFixture.start(SepmSimulator.builder().endpoints(10).seed(3).tokenTtl(Duration.ofMinutes(30)));
             SepmClient sepm = f.client()) {
            sepm.domains();
            f.sim.advance(Duration.ofMinutes(29).plusSeconds(30));
            sepm.domains();
            assertThat(f.calls(AUTH)).isEqualTo(2);
            assertThat(f.sim.stats().http().unauthorized()).isZero();
        }
    }

    @Test
    void passwordWithPercentAndPlusIsEncodedForSepmsUrlDecoding() throws Exception {
        String password = "50%+off & more";
        try (SepmSimFixture f = SepmSimFixture.start(SepmSimulator.builder().endpoints(5).seed(4).password(password));
             SepmClient sepm = f.clientBuilder().credentials(f.sim.username(), password, "Default").build()) {
            assertThat(sepm.domains()).isNotEmpty();
        }
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailureWithSepmsMessage() throws Exception {
        try (SepmSimFixture f = SepmSimFixture.start(SepmSimulator.builder().endpoints(5).seed(5));
             SepmClient sepm = f.clientBuilder().credentials("admin", "wrong-password", "").build()) {
            assertThatThrownBy(sepm::domains).isInstanceOf(SepmAuthenticationException.class)
                    .hasMessageContaining("HTTP 401").hasMessageContaining("Invalid user name or password")
                    .hasMessageNotContaining("wrong-password")
                    .satisfies(e -> assertThat(((SepmException) e).errorKind().name()).isEqualTo("AUTHENTICATION"));
        }
    }

    @Test
    void refusesTheSelfSignedCertificateUnlessTrusted() throws Exception {
        try (SepmSimFixture f = SepmSimFixture.start(SepmSimulator.builder().endpoints(5).seed(6));
             SepmClient untrusting = f.clientBuilder().trustedCertificates(null).maxAttempts(1).build()) {
            assertThatThrownBy(untrusting::domains).isInstanceOf(SepmUnavailableException.class)
                    .satisfies(e -> assertThat(e.getCause()).isInstanceOf(SSLException.class));
            assertThat(f.calls(AUTH)).isZero();
        }
    }

    @Test
    void insecureModeIsExplicitAndWarnsEveryTime() throws Exception {
        try (SepmSimFixture f = SepmSimFixture.start(SepmSimulator.builder().endpoints(5).seed(7))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream warnings = new PrintStream(err, true, StandardCharsets.UTF_8);
            SepmClientBuilder b = f.clientBuilder().trustedCertificates(null).warnings(warnings).insecure(true);
            try (SepmClient sepm = b.build()) {
                assertThat(sepm.domains()).isNotEmpty();
            }
            try (SepmClient again = b.build()) {
                assertThat(again.version().version()).isNotBlank();
            }
            assertThat(err.toString(StandardCharsets.UTF_8).split("TLS certificate verification for SEPM is OFF", -1)).hasSize(3);
            ByteArrayOutputStream none = new ByteArrayOutputStream();
            f.clientBuilder().warnings(new PrintStream(none, true, StandardCharsets.UTF_8)).build().close();
            assertThat(none.size()).isZero();
        }
    }

    @Test
    void builderValidatesItsSettings() {
        assertThatThrownBy(() -> SepmClient.builder().baseUrl(URI.create("http://sepm.example:8446")).credentials("a", "b", "").build())
                .isInstanceOf(SepmInvalidRequestException.class).hasMessageContaining("plain http");
        assertThatThrownBy(() -> SepmClient.builder().credentials("a", "b", "").build())
                .isInstanceOf(SepmInvalidRequestException.class).hasMessageContaining("RIPOSTE_SEPM_URL");
        assertThatThrownBy(() -> SepmClient.builder().credentials("a", "", ""))
                .isInstanceOf(SepmInvalidRequestException.class);
        assertThatThrownBy(() -> SepmClient.builder().baseUrl(URI.create("https://sepm.example")).credentials("a", "b", "")
                .insecure(true).trustedCertificates(java.nio.file.Path.of("x.pem")).build())
                .isInstanceOf(SepmInvalidRequestException.class);
        assertThat(SepmClientBuilder.root(URI.create("https://sepm.example/sepm/api/v1")).port()).isEqualTo(8446);
        assertThat(SepmClientBuilder.root(URI.create("https://sepm.example:9443/")).port()).isEqualTo(9443);
    }
}
