package riposte.symantec.sepm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /version}: e.g. {@code 14.3.25029.9000}, API version {@code 14.3.9000}, sequence {@code 240604011}. */
public record SepmVersion(String version, @JsonProperty("API_VERSION") String apiVersion,
                          @JsonProperty("API_SEQUENCE") String apiSequence) {}
