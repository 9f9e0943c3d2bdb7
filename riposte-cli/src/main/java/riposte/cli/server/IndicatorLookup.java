package riposte.cli.server;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;
import riposte.cli.io.Terminal;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import tools.jackson.databind.JsonNode;

/**
 * Finds an indicator by id, or by value: the value is parsed and normalised locally, then the indicators of its
 * type are paged through (the API has no lookup by value yet), so a value lookup costs one request per 200
 * indicators of that type.
 */
final class IndicatorLookup {
    private IndicatorLookup() {}

    static JsonNode find(ApiClient api, String idOrValue) {
        String key = idOrValue.strip();
        if (key.matches("\\d{1,18}")) return api.get("indicators/" + key);
        Indicator wanted = IndicatorParser.parse(key); // an InvalidIndicatorException exits 2 naming the value
        for (int page = 0; ; page++) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("type", wanted.type().id());
            query.put("sort", "id");
            query.put("page", page);
            query.put("size", IncidentShow.MAX);
            JsonNode answer = api.get("indicators", query);
            for (JsonNode item : answer.path("items")) {
                if (wanted.value().equals(item.path("value").asString())) return item;
            }
            if (page + 1 >= answer.path("totalPages").asInt()) break;
        }
        throw new CliException(ExitCodes.USAGE, "no indicator " + Terminal.safe(wanted.describe()) + " on the server"
                + " (riposte indicator add adds it)");
    }

    /** The type id for {@code --type}, from an id, name or label. */
    static String typeId(String name) {
        return IndicatorType.fromName(name).map(IndicatorType::id).orElseThrow(() -> new CliException(ExitCodes.USAGE,
                "--type '" + Terminal.safe(name) + "' is not an indicator type; the types are "
                        + Arrays.stream(IndicatorType.values()).map(IndicatorType::id).collect(Collectors.joining(", "))));
    }
}
