package riposte.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor = new Redactor(List.of("Db-Pa55word!", "short", ""));

    @Test
    void authorizationValuesAndApiTokensAreMasked() {
        assertThat(redactor.redact("Authorization: Bearer rip_AbCdEf0123456789-_xyz sent"))
                .doesNotContain("AbCdEf0123456789").contains("Bearer ******");
        assertThat(redactor.redact("header authorization=Basic YWRtaW46aHVudGVyMg=="))
                .doesNotContain("YWRtaW46aHVudGVyMg");
        assertThat(redactor.redact("token rip_AbCdEf0123456789 was revoked")).isEqualTo("token rip_****** was revoked");
    }

    @Test
    void valuesAfterSecretNamesAreMaskedInPlainTextJsonAndEscapedJson() {
        assertThat(redactor.redact("login failed password=hunter22 for bob")).isEqualTo("login failed password=****** for bob");
        assertThat(redactor.redact("{\"clientSecret\":\"s3cr3t-value\",\"name\":\"ses\"}"))
                .isEqualTo("{\"clientSecret\":\"******\",\"name\":\"ses\"}");
        assertThat(redactor.redact("{\"message\":\"body {\\\"password\\\":\\\"hunter22\\\"}\"}"))
                .doesNotContain("hunter22");
        assertThat(redactor.redact("client_secret: abc123def, api-key=k-1234567")).doesNotContain("abc123def")
                .doesNotContain("k-1234567");
    }

    @Test
    void urlPasswordsAndConfiguredSecretsAreMaskedWherever_theyAppear() {
        assertThat(redactor.redact("proxy http://bob:pa55@proxy:3128 down")).isEqualTo("proxy http://bob:******@proxy:3128 down");
        assertThat(redactor.redact("connecting with Db-Pa55word! as sa")).isEqualTo("connecting with ****** as sa");
        assertThat(redactor.redact("a short word stays")).as("values under 6 characters are not masked literally")
                .isEqualTo("a short word stays");
    }

    @Test
    void ordinaryLinesAreLeftAlone() {
        String line = "Started RiposteServer in 4.2 seconds; 17 incidents, token bucket refilled, password policy ok";
        assertThat(redactor.redact(line)).isEqualTo(line);
    }
}
