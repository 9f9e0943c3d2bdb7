package riposte.server.sepm;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import riposte.server.credential.CredentialKind;
import riposte.server.credential.CredentialService;
import riposte.server.system.InvalidFieldException;

/** {@code POST /api/v1/credentials/{id}/test}: admins only, as every credential endpoint (security configuration). */
@RestController
class SepmController {
    private final SepmConnections connections;
    private final CredentialService credentials;

    SepmController(SepmConnections connections, CredentialService credentials) {
        this.connections = connections;
        this.credentials = credentials;
    }

    /**
     * Logs in to the SEPM of a stored credential of kind SEPM and asks its version: {@code ok} with {@code version}
     * and {@code apiVersion}, or {@code ok: false} with the exact error (SEPM's message, the TLS or connection
     * failure). Always a fresh client: what was cached plays no part.
     */
    @PostMapping("/api/v1/credentials/{id}/test")
    SepmConnections.TestResult test(@PathVariable long id) {
        var credential = credentials.get(id);
        if (credential.kind() != CredentialKind.SEPM) {
            throw new InvalidFieldException("kind", "a connection test is for SEPM credentials; this one is "
                    + credential.kind());
        }
        return connections.test(id);
    }
}
