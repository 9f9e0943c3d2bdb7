/**
 * Credentials for SES, SEPM and mailboxes: admin-only CRUD; the secret is encrypted with AES-GCM under the server's
 * secret key ({@code RIPOSTE_SECRET_KEY} or a key file) and never leaves the server through the API, logs or audit.
 */
package riposte.server.credential;
