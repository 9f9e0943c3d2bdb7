package riposte.symantec.sepm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.internal.tls.OkHostnameVerifier;
import riposte.symantec.http.Transport;

/**
 * TLS for SEPM, which usually presents a self-signed certificate. Normal mode: the JDK's CAs, or only the
 * certificates of a PEM file (the CA that signed SEPM's certificate, or SEPM's own certificate, pinned). A pinned
 * server certificate is accepted whatever host name it was reached by, since the exact certificate is what is
 * trusted. Insecure mode trusts anything and warns every time a client is built with it.
 */
final class SepmTls {
    static final String INSECURE_WARNING = "WARNING: TLS certificate verification for SEPM is OFF (--insecure / "
            + "RIPOSTE_SEPM_INSECURE=true): anyone on the network path can read the SEPM password and tokens. "
            + "Trust SEPM's certificate instead with RIPOSTE_SEPM_CA_CERT=<pem file>.";

    private SepmTls() {}

    /** Trusts only the certificates in {@code pem} (shared {@link Transport#applyTrust}), pinned leaves by identity. */
    static void trust(OkHttpClient.Builder builder, Path pem) {
        Transport.applyTrust(builder, pem, true);
        List<X509Certificate> pinned = certificates(pem);
        if (pinned.isEmpty()) return;
        HostnameVerifier standard = OkHostnameVerifier.INSTANCE;
        builder.hostnameVerifier((host, session) -> {
            try {
                Certificate[] chain = session.getPeerCertificates();
                if (chain.length > 0 && pinned.contains(chain[0])) return true;
            } catch (SSLPeerUnverifiedException e) {
                return false;
            }
            return standard.verify(host, session);
        });
    }

    /** Turns verification off, and says so on {@code warnings} (standard error by default), once per client. */
    static void insecure(OkHttpClient.Builder builder, PrintStream warnings) {
        warnings.println(INSECURE_WARNING);
        warnings.flush();
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustAll}, null);
            builder.sslSocketFactory(ctx.getSocketFactory(), trustAll).hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The certificates of the file. A server presenting exactly one of them as its own certificate holds its private
     * key; that is what pinning means, so the host name it was reached by does not matter.
     */
    private static List<X509Certificate> certificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .filter(c -> c instanceof X509Certificate).map(c -> (X509Certificate) c).toList();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
        }
    }
}
