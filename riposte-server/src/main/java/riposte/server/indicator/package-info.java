/** Indicators (unique by type and value, with tags and a verdict) and their typed attribute values. */
package riposte.server.indicator;
