package riposte.server.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import riposte.server.audit.AuditLog;

/** Audit records for logins, failed logins and logouts, each in its own transaction. Never records a password. */
@Component
class SecurityAudit {
    static final String KIND = "session";

    private final AuditLog audit;
    private final TransactionTemplate tx;

    SecurityAudit(AuditLog audit, TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
    }

    void login(String username, String address) {
        record(username, "login", Map.of("address", address));
    }

    void loginFailed(String attemptedName, String address, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("username", clip(attemptedName, 100));
        details.put("address", address);
        details.put("reason", reason);
        record("anonymous", "login-failed", details);
    }

    void logout(String username, String address) {
        record(username, "logout", Map.of("address", address));
    }

    private void record(String actor, String action, Map<String, String> after) {
        tx.executeWithoutResult(status -> audit.record(clip(actor, 100), action, KIND, null, null, after));
    }

    static String clip(String text, int max) {
        if (text == null) return "";
        return text.length() > max ? text.substring(0, max) : text;
    }
}
