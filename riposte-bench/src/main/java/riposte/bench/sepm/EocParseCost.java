package riposte.bench.sepm;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import riposte.simulator.sepm.SepmSimulator;
import riposte.symantec.sepm.CommandStatus;
import riposte.symantec.sepm.EocRequest;
import riposte.symantec.sepm.ScanType;
import riposte.symantec.sepm.SepmClient;
import riposte.symantec.sepm.Targets;

/**
 * Where the client's {@code resultInXML} parsing time goes: per document, {@link CommandStatus#eocResult()} (the
 * client's parser) against the cost of {@code DocumentBuilderFactory.newInstance()} plus its hardening alone (which
 * the client pays per document), and against a DOM parse with the same hardened settings but one factory reused.
 * Real documents: one matched and one unmatched {@code resultInXML} from an in-process simulator; 50 000 parses a
 * round, 20 % matched, as in {@link EocScanBenchmark}. Round 1 runs in a cold JVM.
 *
 * <p>Run: {@code java -Xmx512m -cp riposte-bench/target/benchmarks.jar riposte.bench.sepm.EocParseCost [rounds]}.
 */
public final class EocParseCost {
    private static final int DOCS = 50_000;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String matched;
        String unmatched;
        try (SepmSimulator sim = SepmSimulator.builder().endpoints(50).seed(42).https(false).frozenClock(true)
                .offlineFraction(0).maliciousFraction(0.5).build().start();
             SepmClient client = SepmClient.builder().baseUrl(sim.baseUrl())
                     .credentials(sim.username(), sim.password(), "").build()) {
            String hash = sim.maliciousSha256s().get(0);
            List<String> all = client.computers(riposte.symantec.sepm.ComputerQuery.all()).map(c -> c.uniqueId()).toList();
            String id = client.eocScan(EocRequest.scan(ScanType.QUICK_SCAN, Targets.computers(all)).sha256(hash)
                    .description("riposte EOC benchmark").build()).forComputers().orElseThrow();
            sim.advance(Duration.ofSeconds(61));
            List<CommandStatus> rows = client.commandStatus(id).toList();
            matched = rows.stream().filter(r -> r.eocResult().orElseThrow().matched()).findFirst().orElseThrow().resultInXML();
            unmatched = rows.stream().filter(r -> !r.eocResult().orElseThrow().matched()).findFirst().orElseThrow().resultInXML();
        }
        System.out.printf(Locale.ROOT, "documents: matched %d chars, unmatched %d chars%n%n", matched.length(), unmatched.length());
        System.out.println("| round | docs | client eocResult() µs/doc | new hardened factory only µs/doc | DOM parse, one reused factory µs/doc |");
        System.out.println("|---|---|---|---|---|");
        CommandStatus m = row(matched);
        CommandStatus u = row(unmatched);
        DocumentBuilderFactory shared = hardened();
        long sink = 0;
        for (int round = 1; round <= rounds; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < DOCS; i++) sink += (i % 5 == 0 ? m : u).eocResult().orElseThrow().criteria().size();
            double client = (System.nanoTime() - t) / 1e3 / DOCS;
            t = System.nanoTime();
            for (int i = 0; i < DOCS; i++) sink += hardened().newDocumentBuilder().hashCode();
            double factory = (System.nanoTime() - t) / 1e3 / DOCS;
            t = System.nanoTime();
            for (int i = 0; i < DOCS; i++) {
                DocumentBuilder b = shared.newDocumentBuilder();
                b.setErrorHandler(null);
                sink += b.parse(new ByteArrayInputStream((i % 5 == 0 ? matched : unmatched).strip()
                        .getBytes(StandardCharsets.UTF_8))).getDocumentElement().getChildNodes().getLength();
            }
            double reused = (System.nanoTime() - t) / 1e3 / DOCS;
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f |%n", round, DOCS, client, factory, reused);
        }
        if (sink == 42) System.out.println();
    }

    private static CommandStatus row(String xml) {
        return new CommandStatus("0123456789ABCDEF0123456789ABCDEF", "WIN-X", "10.0.0.1", "Default", "u",
                "0123456789ABCDEF0123456789ABCDEF", 3, 0, "", null, null, null, xml);
    }

    /** The same settings as the client's SecureXml.parse. */
    private static DocumentBuilderFactory hardened() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }
}
