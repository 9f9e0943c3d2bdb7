/**
 * Indicators of compromise: one parser ({@link riposte.core.indicator.IndicatorParser}) turns user text into
 * typed, normalised values ({@link riposte.core.indicator.Indicator}) or a clear error naming what is accepted.
 */
package riposte.core.indicator;
