package riposte.simulator.ses;

import java.util.List;
import riposte.simulator.http.JsonWriter;

/** Member-writing helpers for the shapes several SES replies share. */
final class Json {
    private Json() {}

    static void state(JsonWriter w, String technology, String defset, String threatName) {
        w.beginObject().field("technology", technology).field("firstDefsetVersion", defset)
                .field("threatName", threatName).endObject();
    }

    static void related(JsonWriter w, String iocType, List<String> values, String relation) {
        if (values.isEmpty()) return;
        w.beginObject().field("iocType", iocType).stringArray("iocValues", values).field("relation", relation)
                .endObject();
    }

    static void targetOrgs(JsonWriter w, List<String> countries, List<String> industries) {
        w.name("targetOrgs").beginObject().stringArray("topCountries", countries)
                .stringArray("topIndustries", industries).endObject();
    }

    static void riskAndCategory(JsonWriter w, int level, Vocabulary.Category category) {
        w.name("threatRiskLevel").beginObject().field("level", level).endObject();
        w.name("categorization").beginObject().name("categories").beginArray()
                .beginObject().field("id", category.id()).field("name", category.name()).endObject()
                .endArray().endObject();
    }
}
