/**
 * The console's settings (admins only: the URL rules close {@code /console/settings/**} to everyone else): users and
 * roles, everyone's API tokens, the SES and SEPM credentials (secrets write-only), attribute definitions (export and
 * import) and the auto-enrichment rules; and {@code /console/account}, where every user manages their own API tokens.
 */
package riposte.server.console.settings;
