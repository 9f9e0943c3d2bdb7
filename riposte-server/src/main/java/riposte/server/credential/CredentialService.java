package riposte.server.credential;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.system.Choices;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/** Credential use cases. The audit records {@link CredentialView}s, which have no secret. */
@Service
public class CredentialService {
    static final String KIND = "credential";
    private final CredentialRepository credentials;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    CredentialService(CredentialRepository credentials, SecretCipher cipher, AuditLog audit, Clock clock) {
        this.credentials = credentials;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<CredentialView> list(String kind, PageQuery page) {
        String k = kind == null ? null : Choices.parse(CredentialKind.class, "kind", kind).name();
        return PageResponse.of(credentials.find(k, page), page, credentials.count(k));
    }

    @Transactional(readOnly = true)
    public CredentialView get(long id) {
        return credentials.get(id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    @Transactional
    public CredentialView create(String actor, CredentialCreate c) {
        String name = c.name().strip();
        if (credentials.idOf(name).isPresent()) {
            throw new InvalidFieldException("name", "a credential named '" + name + "' already exists");
        }
        Instant now = Sql.now(clock);
        var draft = new CredentialView(0, name, Choices.parse(CredentialKind.class, "kind", c.kind()),
                blankToNull(c.url()), blankToNull(c.username()), blankToNull(c.description()), true, now, now, 0,
                blankToNull(c.loginDomain()), certificate(c.caCertificate()), proxy(c.proxy()));
        CredentialView created = get(credentials.insert(draft, cipher.seal(name, c.secret())));
        audit.record(actor, "create", KIND, created.id(), null, created);
        return created;
    }

    @Transactional
    public CredentialView update(String actor, long id, CredentialUpdate u) {
        CredentialView before = get(id);
        if (before.version() != u.version()) throw new VersionConflictException(KIND, id, u.version());
        String name = u.name() == null ? before.name() : u.name().strip();
        if (!name.equals(before.name()) && credentials.idOf(name).isPresent()) {
            throw new InvalidFieldException("name", "a credential named '" + name + "' already exists");
        }
        // The name is bound into the ciphertext: a rename without a new secret re-encrypts the old one.
        String secret = u.secret() != null ? u.secret()
                : name.equals(before.name()) ? null : cipher.open(before.name(), credentials.sealed(id));
        SecretCipher.Sealed sealed = secret == null ? credentials.sealed(id) : cipher.seal(name, secret);
        var changed = new CredentialView(id, name, Choices.parse(CredentialKind.class, "kind", u.kind(), before.kind()),
                u.url() == null ? before.url() : blankToNull(u.url()),
                u.username() == null ? before.username() : blankToNull(u.username()),
                u.description() == null ? before.description() : blankToNull(u.description()),
                true, before.createdAt(), Sql.now(clock), before.version(),
                u.loginDomain() == null ? before.loginDomain() : blankToNull(u.loginDomain()),
                u.caCertificate() == null ? before.caCertificate() : certificate(u.caCertificate()),
                u.proxy() == null ? before.proxy() : proxy(u.proxy()));
        if (!credentials.update(changed, sealed, u.version())) throw new VersionConflictException(KIND, id, u.version());
        CredentialView after = get(id);
        audit.record(actor, u.secret() == null ? "update" : "update-secret", KIND, id, before, after);
        return after;
    }

    @Transactional
    public void delete(String actor, long id) {
        CredentialView before = get(id);
        credentials.delete(id);
        audit.record(actor, "delete", KIND, id, before, null);
    }

    /** A PEM with at least one certificate, checked now so that a bad one is a 400 and not a failed connection. */
    private static String certificate(String pem) {
        String p = blankToNull(pem);
        if (p == null) return null;
        try {
            var certs = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificates(new java.io.ByteArrayInputStream(p.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) throw new java.security.cert.CertificateException("no certificate in it");
        } catch (java.security.cert.CertificateException e) {
            throw new InvalidFieldException("caCertificate", "must be PEM text with one or more certificates "
                    + "(-----BEGIN CERTIFICATE----- ...): " + e.getMessage());
        }
        return p;
    }

    /** host:port or http://host:port; a proxy password would be stored in clear, so it is refused. */
    private static String proxy(String value) {
        String p = blankToNull(value);
        if (p == null) return null;
        try {
            var parsed = riposte.symantec.http.ProxySettings.parse(p);
            if (p.contains("@")) throw new IllegalArgumentException("a user and password in the proxy would be "
                    + "stored unencrypted: use a proxy without authentication, or riposte.sepm.proxy");
            return parsed.host() == null ? null : p;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("proxy", "must be host:port or http://host:port: " + e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
