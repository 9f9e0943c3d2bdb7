package riposte.symantec.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * TLS trust and proxy setup for OkHttp. TLS verification is never turned off: a custom CA bundle (PEM) is either
 * added to the JDK's trust store (corporate TLS-inspecting proxies) or replaces it (pinning a private CA).
 */
public final class Transport {
    private Transport() {}

    /** True for {@code localhost}, 127.0.0.0/8 and ::1 — the only hosts plain http is allowed to. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** Routes through {@code proxy}, answering proxy auth challenges with Basic credentials if given. */
    public static void applyProxy(OkHttpClient.Builder builder, ProxySettings proxy) {
        builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        if (proxy.username() != null) {
            String credential = Credentials.basic(proxy.username(), proxy.password() == null ? "" : proxy.password());
            builder.proxyAuthenticator((route, response) -> {
                if (response.request().header("Proxy-Authorization") != null) return null; // rejected: give up
                return response.request().newBuilder().header("Proxy-Authorization", credential).build();
            });
        }
    }

    /** Trusts the certificates in {@code pemFile}, in addition to the JDK's CAs unless {@code replaceDefaults}. */
    public static void applyTrust(OkHttpClient.Builder builder, Path pemFile, boolean replaceDefaults) {
        X509TrustManager tm = trustManager(pemFile, replaceDefaults);
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            builder.sslSocketFactory(ctx.getSocketFactory(), tm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static X509TrustManager trustManager(Path pemFile, boolean replaceDefaults) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            if (!replaceDefaults) {
                for (X509Certificate c : defaultTrustManager(null).getAcceptedIssuers()) store.setCertificateEntry("jdk-" + n++, c);
            }
            Collection<? extends Certificate> certs;
            try (InputStream in = Files.newInputStream(pemFile)) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certs.isEmpty()) throw new IllegalArgumentException("no certificates in " + pemFile);
            for (Certificate c : certs) store.setCertificateEntry("custom-" + n++, c);
            return defaultTrustManager(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read CA certificates from " + pemFile + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) return x;
        }
        throw new IllegalStateException("no X509TrustManager available");
    }
}
