package riposte.symantec.sepm;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** Tolerant JSON for SEPM: unknown fields ignored, nulls accepted for anything, numbers coerced from strings. */
final class SepmJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private SepmJson() {}

    static JavaType type(Class<?> raw, Class<?>... params) {
        return MAPPER.getTypeFactory().constructParametricType(raw, params);
    }

    static JavaType type(Class<?> raw) {
        return MAPPER.constructType(raw);
    }

    static <T> T read(InputStream in, JavaType type, String what) throws IOException {
        try {
            return MAPPER.readValue(in, type);
        } catch (JacksonException e) {
            throw new SepmProtocolException("SEPM answered " + what + " with JSON this client cannot read: "
                    + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type, String what) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new SepmProtocolException("SEPM answered " + what + " with JSON this client cannot read: "
                    + e.getOriginalMessage(), e);
        }
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
