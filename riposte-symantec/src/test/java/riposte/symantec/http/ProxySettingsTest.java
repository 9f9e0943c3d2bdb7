package riposte.symantec.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProxySettingsTest {
    @Test
    void parsesHostPortAndUrlsWithCredentials() {
        assertThat(ProxySettings.parse("proxy.corp:3128")).isEqualTo(ProxySettings.of("proxy.corp", 3128));
        assertThat(ProxySettings.parse("http://bob:p%40ss+word@proxy.corp:8080"))
                .isEqualTo(ProxySettings.of("proxy.corp", 8080).withAuth("bob", "p@ss+word"));
    }

    @Test
    void refusesOtherFormsWithoutEchoingThePassword() {
        assertThatThrownBy(() -> ProxySettings.parse("https://bob:secret@proxy:8080"))
                .hasMessage("a proxy must be host:port or http://user:password@host:port")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ProxySettings.parse("proxy")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> ProxySettings.parse("http://proxy")).hasMessageContaining("host:port");
    }
}
