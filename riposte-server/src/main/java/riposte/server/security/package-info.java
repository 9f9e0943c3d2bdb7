/**
 * Users, roles, console sessions, API tokens, CSRF, login rate limiting and the first-start admin. See
 * {@code docs/server.md} ("Security") for what each role may do.
 */
package riposte.server.security;
