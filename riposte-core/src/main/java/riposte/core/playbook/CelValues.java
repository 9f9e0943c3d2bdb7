package riposte.core.playbook;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.cel.common.values.NullValue;

/** Converts between plain Java values (as JSON gives them) and the values CEL evaluates over. */
final class CelValues {
    private static final List<String> MAP_VARIABLES =
            List.of("indicator", "artifact", "incident", "row", "inputs", "steps", "run");

    private CelValues() {}

    /** Normalises the variables and binds absent object variables to empty maps. */
    static Map<String, Object> toCelVariables(Map<String, ?> variables) {
        Map<String, Object> out = new HashMap<>();
        for (String v : MAP_VARIABLES) out.put(v, Map.of());
        variables.forEach((k, v) -> {
            Object value = toCel(v);
            if (value != null) out.put(k, value);
        });
        return out;
    }

    /** Integers become Long, floats Double, dates and times ISO strings, collections lists, maps string-keyed. */
    static Object toCel(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case BigDecimal b -> b.doubleValue();
            case TemporalAccessor t -> t.toString();
            case Enum<?> e -> e.name().toLowerCase(java.util.Locale.ROOT);
            case Map<?, ?> m -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                // A null member stays present (as CEL null) so that 'x.field' reads null instead of failing.
                m.forEach((k, v) -> copy.put(String.valueOf(k), v == null ? NullValue.NULL_VALUE : toCel(v)));
                yield copy;
            }
            case Collection<?> c -> {
                List<Object> copy = new ArrayList<>(c.size());
                for (Object o : c) {
                    Object co = toCel(o);
                    if (co != null) copy.add(co);
                }
                yield copy;
            }
            default -> value.toString();
        };
    }

    /** Back to plain Java: CEL nulls become null, lists and maps are copied. */
    static Object fromCel(Object value) {
        return switch (value) {
            case null -> null;
            case dev.cel.common.values.NullValue n -> null;
            case com.google.protobuf.NullValue n -> null;
            case Map<?, ?> m -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                m.forEach((k, v) -> copy.put(String.valueOf(k), fromCel(v)));
                yield copy;
            }
            case Collection<?> c -> {
                List<Object> copy = new ArrayList<>(c.size());
                for (Object o : c) copy.add(fromCel(o));
                yield copy;
            }
            case com.google.common.primitives.UnsignedLong u -> u.longValue();
            case com.google.protobuf.ByteString b -> b.toStringUtf8();
            case dev.cel.common.values.CelByteString b -> b.toStringUtf8();
            default -> value;
        };
    }

    /** {@code string 'abc'}, {@code int 3}, for messages. */
    static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "string '" + s + "'";
            case Long l -> "int " + l;
            case Double d -> "double " + d;
            case List<?> l -> "list of " + l.size();
            case Map<?, ?> m -> "map of " + m.size();
            default -> value.getClass().getSimpleName() + " " + value;
        };
    }

    /** How attribute values and report fields are shown: lists joined with ", ", null as null. */
    static String render(Object value) {
        return switch (value) {
            case null -> null;
            case Collection<?> c -> {
                List<String> parts = new ArrayList<>();
                for (Object o : c) {
                    String r = render(o);
                    if (r != null && !r.isEmpty()) parts.add(r);
                }
                yield parts.isEmpty() ? null : String.join(", ", parts);
            }
            case Map<?, ?> m -> {
                List<String> parts = new ArrayList<>();
                m.forEach((k, v) -> parts.add(k + ": " + render(v)));
                yield String.join(", ", parts);
            }
            default -> value.toString();
        };
    }
}
