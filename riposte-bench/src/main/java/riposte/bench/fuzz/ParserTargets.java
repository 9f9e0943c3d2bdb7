package riposte.bench.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import riposte.cli.CliException;
import riposte.cli.io.IndicatorInput;
import riposte.cli.io.InputLine;
import riposte.core.allowlist.AllowListEntries;
import riposte.core.allowlist.InvalidAllowListEntryException;
import riposte.core.enrichment.MalformedReplyException;
import riposte.core.enrichment.SectionParser;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.IndicatorType;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.core.mail.IndicatorExtractor;
import riposte.core.playbook.Expression;
import riposte.core.playbook.ExpressionException;
import riposte.core.playbook.Expressions;
import riposte.core.playbook.FunctionCatalog;
import riposte.core.playbook.PlaybookLoader;
import riposte.core.playbook.PlaybookValidationException;
import riposte.symantec.ses.SesClient;
import riposte.symantec.ses.SesCredentials;
import riposte.symantec.ses.SesEndpoint;
import riposte.simulator.ses.SesPopulation;
import riposte.simulator.ses.SesSimulator;

/** The in-process parsers of outside data, each a {@link FuzzTarget} with its seeds and documented refusals. */
final class ParserTargets {
    private ParserTargets() {}

    static final List<String> INDICATOR_SEEDS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "d41d8cd98f00b204e9800998ecf8427e",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709", "evil.example", "hxxp://evil[.]example/x?a=1#f",
            "https://user:pw@[2001:db8::1]:8443/p", "10.0.0[.]1", "192.0.2.7", "2001:db8::1", "fe80::1%eth0",
            "::ffff:10.0.0.1", "CVE-2021-44228", "cve-2017-0144", "C:\\Windows\\System32\\evil.exe",
            "/usr/bin/python3", "bob@corp.example.com", "bücher.de", "xn--bcher-kva.de", "WS-042", "ws-042.corp.example",
            "fxp://files.example/a", "evil(dot)example[.]com", "sub.domain.co.uk.", "1.2.3", "10.0.0.300",
            "http://%65vil.example/", "www.例え.jp");

    /** Every way a typed value is parsed: free, as each type, and leniently (never throws). */
    static FuzzTarget indicators() {
        return new FuzzTarget() {
            public String name() {
                return "indicator parser";
            }

            public String next(Mutator m) {
                String seed = m.pick(INDICATOR_SEEDS);
                if (m.chance(0.02)) return seed.repeat(1 + m.below(20_000)); // huge inputs
                return m.chance(0.1) ? m.text(seed) + m.pick(INDICATOR_SEEDS) : m.text(seed);
            }

            public void feed(String input) {
                IndicatorParser.tryParseText(input);
                Indicator parsed = null;
                try {
                    parsed = IndicatorParser.parse(input);
                } catch (InvalidIndicatorException expected) {
                    // a clear refusal
                }
                for (IndicatorType t : IndicatorType.values()) {
                    try {
                        IndicatorParser.parse(input, t);
                    } catch (InvalidIndicatorException expected) {
                        // a clear refusal
                    }
                }
                if (parsed != null) {
                    // what the parser stored must read back as the same indicator (stored values are re-parsed)
                    Indicator again = IndicatorParser.parse(parsed.value(), parsed.type());
                    if (!again.equals(parsed)) {
                        throw new AssertionError("re-parsing the stored value changes it: " + parsed + " -> " + again);
                    }
                }
            }
        };
    }

    static final List<String> TEXT_SEEDS = List.of(
            "Risk name: Trojan.Gen.NPE\r\nFile path: C:\\Users\\bob\\invoice.zip.exe\r\nComputer: WS-042\r\n",
            "C2 at hxxp://evil[.]example.com/x?a=1 and bad[.]example.org, 10.1.2[.]3 and 2001:db8::1",
            "hash e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 seen from 203.0.113.9",
            "see https://login-microsoft.co.uk/reset (dot) and ftp://files.example.net/a.zip;",
            "<p>Visit <a href=\"http://x.example.com\">x.example.com</a></p> W32.Sality.AE");

    /** Indicators in free text (e-mail bodies): what comes out must be a value the parser reads back. */
    static FuzzTarget freeText() {
        return new FuzzTarget() {
            public String name() {
                return "free-text extraction";
            }

            public String next(Mutator m) {
                StringBuilder b = new StringBuilder();
                for (int i = 0, n = 1 + m.below(4); i < n; i++) b.append(m.text(m.pick(TEXT_SEEDS))).append(' ');
                if (m.chance(0.01)) b.append(m.pick(TEXT_SEEDS).repeat(2000));
                return b.toString();
            }

            public void feed(String input) {
                for (Indicator i : IndicatorExtractor.extract(input, 500)) {
                    if (!IndicatorParser.tryParseText(i.value()).map(i::equals).orElse(false)) {
                        throw new AssertionError("extracted " + i + " does not read back as itself");
                    }
                }
            }
        };
    }

    /** SES Threat Intel reply bodies, mutated from the simulator's real answers for every section. */
    static FuzzTarget sesReplies() {
        List<Seed> seeds = sesSeeds();
        return new FuzzTarget() {
            public String name() {
                return "SES Threat Intel replies";
            }

            private Seed seed;

            public String next(Mutator m) {
                seed = m.pick(seeds);
                return m.chance(0.05) ? m.text(seed.raw()) : m.json(seed.raw());
            }

            public void feed(String input) {
                try {
                    SectionParser.parse(seed.endpoint().section(), seed.indicator(), input);
                } catch (MalformedReplyException expected) {
                    // not a JSON object: a clear refusal
                }
            }
        };
    }

    record Seed(SesEndpoint endpoint, Indicator indicator, String raw) {}

    private static List<Seed> sesSeeds() {
        SesPopulation p = new SesPopulation(1);
        List<Seed> seeds = new ArrayList<>();
        try (SesSimulator sim = SesSimulator.builder().port(0).build().start();
             SesClient client = SesClient.builder().baseUrl(sim.baseUrl())
                     .credentials(SesCredentials.ofClientIdAndSecret(sim.clientId(), sim.clientSecret())).build()) {
            List<Indicator> files = List.of(p.maliciousFiles(2).get(0), p.maliciousFiles(2).get(1), p.benignFiles(1).get(0));
            List<Indicator> network = List.of(p.maliciousDomains(1).get(0), p.maliciousIps(1).get(0),
                    p.maliciousUrls(1).get(0), p.domain(7));
            for (SesEndpoint e : SesEndpoint.values()) {
                List<Indicator> subjects = switch (e) {
                    case FILE_INSIGHT, FILE_PROTECTION, FILE_RELATED, PROCESS_CHAIN -> files;
                    case CVE_PROTECTION -> List.of(p.cve(1), p.cve(2));
                    default -> network;
                };
                for (Indicator i : subjects) {
                    try {
                        seeds.add(new Seed(e, i, client.fetch(e, i).raw()));
                    } catch (RuntimeException notKnown) {
                        // a 404 for an indicator Symantec does not know: no seed
                    }
                }
            }
        }
        if (seeds.size() < 10) throw new IllegalStateException("too few SES seeds: " + seeds.size());
        return seeds;
    }

    /** Playbook YAML (built-ins as seeds, plus YAML's own hazards: anchors, aliases, tags, merge keys). */
    static FuzzTarget playbooks() {
        List<String> seeds = builtInPlaybooks();
        List<String> yamlHazards = List.of("&a ", "*a", "<<: *a\n", "!!binary ", "!!java.lang.Object ", "? ",
                "- &b [*b]\n", "x: &c [*c, *c, *c]\n", "|\n  ", ">-\n  ", "---\n", "...\n", "%YAML 1.2\n",
                "'''", "\"\\u0000\"", "{", "[", ": ", "\t", "    ", "- ", "#", "condition: ", "call: ses.fileInsight\n",
                "steps:\n  - id: s\n", "inputs:\n  - name: x\n    type: select\n");
        return new FuzzTarget() {
            private PlaybookLoader loader;
            private int used;

            public String name() {
                return "playbook YAML";
            }

            public String next(Mutator m) {
                List<String> lines = new ArrayList<>(m.pick(seeds).lines().toList());
                for (int e = 0, n = 1 + m.below(4); e < n && !lines.isEmpty(); e++) {
                    int at = m.below(lines.size());
                    switch (m.below(6)) {
                        case 0 -> lines.remove(at);
                        case 1 -> lines.add(at, lines.get(m.below(lines.size())));
                        case 2 -> lines.set(at, m.pick(yamlHazards) + lines.get(at));
                        case 3 -> lines.set(at, lines.get(at) + m.pick(yamlHazards));
                        case 4 -> lines.add(at, m.pick(yamlHazards));
                        default -> lines.set(at, m.text(lines.get(at)));
                    }
                }
                return String.join("\n", lines);
            }

            public void feed(String input) {
                if (loader == null || ++used > 2000) { // fresh expression caches now and then
                    loader = new PlaybookLoader(FunctionCatalog.symantec(), new Expressions());
                    used = 0;
                }
                try {
                    loader.parse("fuzz.yml", input);
                } catch (PlaybookValidationException expected) {
                    // every problem listed: a clear refusal
                }
            }
        };
    }

    static List<String> builtInPlaybooks() {
        List<String> texts = new ArrayList<>();
        ClassLoader cl = PlaybookLoader.class.getClassLoader();
        try (InputStream index = cl.getResourceAsStream(PlaybookLoader.BUILT_IN_FOLDER + "index.txt")) {
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                try (InputStream in = cl.getResourceAsStream(PlaybookLoader.BUILT_IN_FOLDER + name)) {
                    texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** CEL: generated expressions compiled as values and conditions and evaluated over an indicator and inputs. */
    static FuzzTarget cel() {
        Map<String, Object> variables = Map.of(
                "indicator", Map.of("type", "sha256", "value", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "tags", List.of("a", "b"), "confidence", 50L),
                "inputs", Map.of("text", "x", "n", 3L, "list", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)),
                "steps", Map.of("insight", Map.of("reputation", "BAD", "raw", "{}", "ageSeconds", 3L)),
                "run", Map.of("startedAt", "2026-12-07T00:00:00Z"), "artifact", Map.of(), "incident", Map.of(),
                "row", Map.of());
        List<String> atoms = List.of("indicator.value", "indicator.type", "indicator.tags", "inputs.n", "inputs.list",
                "inputs.text", "steps.insight.reputation", "steps.insight", "run.startedAt", "'x'", "\"\"", "1", "-1",
                "9223372036854775807", "1.5", "true", "null", "[]", "{}", "b'a'", "[1, 2, 3]", "{'k': 1}",
                "indicator.missing", "size(inputs.list)", "base64.decode('AAE=')", "base64.encode(b'x')",
                "string(inputs.n)", "int('7')", "duration('1s')", "timestamp('2026-01-01T00:00:00Z')");
        List<String> binary = List.of(" + ", " - ", " * ", " / ", " % ", " == ", " != ", " < ", " && ", " || ", " in ");
        return new FuzzTarget() {
            private Expressions expressions;
            private int used;

            public String name() {
                return "CEL expressions";
            }

            private String expr(Mutator m, int depth) {
                if (depth <= 0) return m.pick(atoms);
                return switch (m.below(9)) {
                    case 0 -> expr(m, depth - 1) + m.pick(binary) + expr(m, depth - 1);
                    case 1 -> "(" + expr(m, depth - 1) + ")";
                    case 2 -> "!" + expr(m, depth - 1);
                    case 3 -> expr(m, depth - 1) + " ? " + expr(m, depth - 1) + " : " + expr(m, depth - 1);
                    case 4 -> "inputs.list." + m.pick(List.of("map", "filter", "all", "exists", "exists_one"))
                            + "(x, " + expr(m, depth - 1).replace("inputs.n", "x") + ")";
                    case 5 -> "size(" + expr(m, depth - 1) + ")";
                    case 6 -> expr(m, depth - 1) + "[" + expr(m, depth - 1) + "]";
                    case 7 -> "'" + m.pick(Mutator.HOSTILE).replace("'", "\\'") + "'." + m.pick(List.of("contains",
                            "startsWith", "endsWith", "matches")) + "(" + expr(m, depth - 1) + ")";
                    default -> m.pick(atoms);
                };
            }

            public String next(Mutator m) {
                String e = expr(m, 1 + m.below(5));
                return m.chance(0.25) ? m.text(e) : e;
            }

            public void feed(String input) {
                if (expressions == null || ++used > 2000) {
                    expressions = new Expressions();
                    used = 0;
                }
                for (boolean condition : new boolean[] {false, true}) {
                    Expression compiled;
                    try {
                        compiled = condition ? expressions.condition(input) : expressions.value(input);
                    } catch (ExpressionException expected) {
                        continue; // does not compile: the position is given
                    }
                    try {
                        if (condition) compiled.test(variables); else compiled.evaluate(variables);
                    } catch (ExpressionException expected) {
                        // a runtime error, reported as the run's failure
                    }
                }
            }
        };
    }

    static final List<String> ALLOW_SEEDS = List.of("*.example.com", "10.0.0.0/8", "2001:db8::/32", "192.0.2.7",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "mail.example.org", "*.co.uk",
            "[2001:db8::1]", "private", "d41d8cd98f00b204e9800998ecf8427e");

    /** Allow-list entries as the API and a paste take them: value and reason, and whole lines. */
    static FuzzTarget allowList() {
        return new FuzzTarget() {
            public String name() {
                return "allow-list entries";
            }

            public String next(Mutator m) {
                String v = m.text(m.pick(ALLOW_SEEDS));
                return m.chance(0.5) ? v : v + m.pick(List.of(" ", "\t", "  ")) + m.text("our mail provider");
            }

            public void feed(String input) {
                try {
                    AllowListEntries.parse(input, "fuzz");
                } catch (InvalidAllowListEntryException expected) {
                    // names the field and what is accepted
                }
                try {
                    if (!AllowListEntries.skipped(input)) AllowListEntries.parseLine(input, null);
                } catch (InvalidAllowListEntryException expected) {
                    // names the field and what is accepted
                }
            }
        };
    }

    static final List<String> CSV_SEEDS = List.of(
            "indicator,comment\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,seen\nevil.example,\"a, b\"\n",
            "sha256,name\n\"d41d8cd98f00b204e9800998ecf8427e\",\"x \"\"quoted\"\"\"\n,\n",
            "value\n10.0.0.1\n\n2001:db8::1\n", "# a list\nevil.example\nhxxp://bad[.]example/x\n\n",
            "\uFEFFdomain,ip\nevil.example,10.0.0.1\n");

    /** {@code riposte intel … --input FILE}: line files and CSV with a header, from standard input. */
    static FuzzTarget csvInput() {
        return new FuzzTarget() {
            public String name() {
                return "CSV / line input files";
            }

            private String column;

            public String next(Mutator m) {
                column = m.chance(0.2) ? m.pick(List.of("indicator", "value", "sha256", "nope")) : null;
                return m.text(m.pick(CSV_SEEDS));
            }

            public void feed(String input) {
                try {
                    Iterator<InputLine> lines = IndicatorInput.open("-", column,
                            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
                    while (lines.hasNext()) lines.next();
                } catch (CliException expected) {
                    // a usage error naming the file and the problem (exit code 2)
                }
            }
        };
    }

    /** All in-process targets, in the order the benchmark reports them. */
    static List<FuzzTarget> all() {
        return List.of(indicators(), freeText(), sesReplies(), playbooks(), cel(), allowList(), csvInput());
    }
}
