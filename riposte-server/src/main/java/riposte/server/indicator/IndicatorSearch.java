package riposte.server.indicator;

/**
 * What the console's indicator list filters by; every field is optional (null or blank: not a criterion).
 *
 * @param text a part of the value, any case
 * @param type an indicator type id ({@code sha256}, {@code domain}...)
 * @param verdict UNKNOWN, BENIGN, SUSPICIOUS or MALICIOUS
 * @param tag a tag, exactly
 * @param attribute the name of an attribute the indicator has (any case)
 * @param attributeValue a part of any of its attribute values, any case
 */
public record IndicatorSearch(String text, String type, String verdict, String tag, String attribute,
        String attributeValue) {}
