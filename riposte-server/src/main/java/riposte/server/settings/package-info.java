/**
 * Settings that admins change while the server runs, stored in the database ({@link riposte.server.settings.SettingsStore}:
 * one JSON value per key, versioned) and read through a cached snapshot on every node. The configuration gives the
 * defaults until an admin saves. Today: the auto-enrichment rules ({@code /api/v1/settings/auto-enrichment}).
 */
package riposte.server.settings;
