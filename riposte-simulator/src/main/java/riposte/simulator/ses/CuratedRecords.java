package riposte.simulator.ses;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import riposte.simulator.http.JsonWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realistic records from the wire-format reference, verbatim where the reference quotes a reply, served ahead of
 * the generated population. Each is stored as its members without the echo key (parsed and re-serialised once, so
 * replies are compact), because the echo must repeat the indicator exactly as the client sent it.
 *
 * <p>Where a source shows only part of a record (truncated or redacted hashes, a fixture whose content is not
 * quoted), the missing parts are filled in and marked "filled in" below.
 */
final class CuratedRecords {

    static final String WATERBUG_FILE = "eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d";
    static final String PROTECTED_FILE = "64c731adbe1b96cb5765203b1e215093dcf268d020b299445884a4ae62ed2d3a";
    static final String WININIT_CHAIN_FILE = "5a3f0b0929bfc626012f45ce80d4316497c676e1e639bc3b241d5e9b5f113899";
    static final String MALNET_DOMAIN = "elblogdeloscachanillas.com.mx";
    static final String MALNET_URL = "elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png";
    static final String DNS_IP = "8.8.8.8";
    static final String PROTECTED_DOMAIN = "nicolascoolman.eu";

    private final Map<Endpoint, Map<String, String>> members = new EnumMap<>(Endpoint.class);

    CuratedRecords(SesPopulation population) {
        var mapper = JsonMapper.builder().build();
        for (Endpoint e : Endpoint.values()) members.put(e, new HashMap<>());
        CuratedFixtures.verbatim().forEach((endpoint, records) -> records.forEach(json -> {
            var node = (ObjectNode) mapper.readTree(json);
            String key = node.remove(endpoint.input.echoKey).asString();
            String compact = mapper.writeValueAsString(node);
            members.get(endpoint).put(lookupKey(endpoint.input, key), compact.substring(1, compact.length() - 1));
        }));
        // S5 shows only that the Waterbug file has File relations byProcessChain and bySignature, not the hashes:
        // filled in with malicious population files so the graph stays walkable.
        var w = new JsonWriter();
        w.name("related").beginArray();
        Json.related(w, "File", List.of(population.fileSha(0), population.fileSha(1)), "byProcessChain");
        Json.related(w, "File", List.of(population.fileSha(2)), "bySignature");
        w.endArray();
        members.get(Endpoint.FILE_RELATED).put(WATERBUG_FILE, w.toString());
        // S5 shows the first parent with a truncated hash (18bba9ff…e7cb, filled in) and an opaque process name;
        // its explorer.exe parent is filled in from the population.
        w = new JsonWriter();
        w.name("chain").beginArray();
        FileRecords.lineage(w, List.of(
                new String[] {"18bba9ff0d7c4e52a1f3b6c8d9e0a7b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e7cb",
                        "fe392ea0a9f14s4dfeda8d9u0233a6ioq6e47a5n3.exe"},
                new String[] {population.systemBinary("explorer.exe"), "explorer.exe"}));
        w.endArray();
        members.get(Endpoint.PROCESS_CHAIN).put(WATERBUG_FILE, w.toString());
    }

    /** The members after the echo key, or {@code null} if the indicator is not curated for this endpoint. */
    String find(Endpoint endpoint, String lookupKey) {
        return members.get(endpoint).get(lookupKey);
    }

    /** How curated records are keyed: hashes lower-case, CVE ids upper-case, network values lower-case decoded. */
    static String lookupKey(Endpoint.Input input, String value) {
        return input == Endpoint.Input.CVE ? value.toUpperCase(java.util.Locale.ROOT)
                : value.toLowerCase(java.util.Locale.ROOT).replace("%2f", "/");
    }
}
