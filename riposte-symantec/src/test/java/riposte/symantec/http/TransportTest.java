package riposte.symantec.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportTest {
    @TempDir
    Path dir;

    private static X509Certificate[] jdkIssuers() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
    }

    @Test
    void customCaIsAddedToOrReplacesTheJdkTrust() throws Exception {
        X509Certificate[] jdk = jdkIssuers();
        X509Certificate ca = jdk[0];
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        assertThat(Transport.trustManager(pem, true).getAcceptedIssuers()).containsExactly(ca);
        assertThat(Transport.trustManager(pem, false).getAcceptedIssuers()).hasSizeGreaterThanOrEqualTo(jdk.length);
    }

    @Test
    void unreadableBundlesFailClearly() throws Exception {
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate");
        assertThatThrownBy(() -> Transport.trustManager(junk, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("junk.pem");
    }

    @Test
    void proxySettingsParseAndRedact() {
        ProxySettings p = ProxySettings.parse("proxy.corp:3128").withAuth("alice", "hunter2");
        assertThat(p.host()).isEqualTo("proxy.corp");
        assertThat(p.port()).isEqualTo(3128);
        assertThat(p.toString()).contains("alice").doesNotContain("hunter2");
        assertThatThrownBy(() -> ProxySettings.parse("nohost")).isInstanceOf(IllegalArgumentException.class);
    }
}
