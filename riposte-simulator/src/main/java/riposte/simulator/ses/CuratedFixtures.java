package riposte.simulator.ses;

import java.util.List;
import java.util.Map;

/**
 * The replies quoted in {@code reference/ses-threat-intel-api.md} §4, as text. Kept as the sources show them
 * (including the hand-typed {@code "us,in"} and "tecnology" of the XSOAR file fixture, and the {@code null} industry
 * of the 8.8.8.8 fixture) because clients must cope with exactly that.
 */
final class CuratedFixtures {
    private CuratedFixtures() {}

    static Map<Endpoint, List<String>> verbatim() {
        return Map.of(
                Endpoint.FILE_INSIGHT, List.of(WATERBUG_INSIGHT),
                Endpoint.NETWORK_INSIGHT, List.of(DOMAIN_INSIGHT, IP_INSIGHT, URL_INSIGHT),
                Endpoint.FILE_PROTECTION, List.of(FILE_PROTECTION),
                Endpoint.NETWORK_PROTECTION, List.of(NETWORK_PROTECTION),
                Endpoint.CVE_PROTECTION, List.of(CVE_2023_35311, CVE_2017_0038),
                Endpoint.PROCESS_CHAIN, List.of(WININIT_CHAIN));
    }

    /** §4.1 Example A, S1 {@code file_insight_reputation_response.json}. */
    static final String WATERBUG_INSIGHT = """
            {
              "file": "eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d",
              "firstSeen": "2020-12-01",
              "lastSeen": "2020-12-01",
              "reputation": "BAD",
              "prevalence": "LessThanHundred",
              "targetOrgs": { "topCountries": ["us,in"], "topIndustries": ["government,tecnology"] },
              "actors": ["Waterbug"],
              "associatedReferences": [
                { "url": "https://threat-landscape-bulletin.broadcom.com/item/48e7388e-caca-417e-907d-b81a5665503d",
                  "description": "New backdoor used in espionage campaigns" }
              ]
            }""";

    /** §4.2, S1 {@code domain_insight_reputation_response.json}. */
    static final String DOMAIN_INSIGHT = """
            {
              "network": "elblogdeloscachanillas.com.mx",
              "threatRiskLevel": { "level": 10 },
              "categorization": { "categories": [ { "id": 43, "name": "Malicious Sources/Malnets" } ] },
              "reputation": "BAD",
              "prevalence": "Low",
              "firstSeen": "2019-08-30",
              "lastSeen": "2024-01-24",
              "targetOrgs": {
                "topCountries": ["qa", "il", "tw", "gb", "ec", "us"],
                "topIndustries": ["Utilities", "Financial Services", "Information Technology"]
              }
            }""";

    /** §4.2, S1 {@code ip_insight_reputation_response.json}. */
    static final String IP_INSIGHT = """
            {
              "network": "8.8.8.8",
              "threatRiskLevel": { "level": 2 },
              "categorization": { "categories": [ { "id": 96, "name": "Web Infrastructure" } ] },
              "reputation": "GOOD",
              "prevalence": "Medium",
              "firstSeen": "2023-07-10",
              "lastSeen": "2023-12-18",
              "targetOrgs": { "topCountries": ["hk", "jp", "tn", "cn", "us"],
                              "topIndustries": [null, "Retail", "Real Estate", "Manufacturing"] }
            }""";

    /** §4.2, S1 {@code url_insight_reputation_response.json}; served for the encoded and the raw form alike. */
    static final String URL_INSIGHT = """
            {
              "network": "elblogdeloscachanillas.com.mx%2Fs3sy8rq10%2Fophn.png",
              "threatRiskLevel": { "level": 10 },
              "categorization": { "categories": [ { "id": 43, "name": "Malicious Sources/Malnets" } ] },
              "reputation": "BAD"
            }""";

    /** §4.4, S5 README output transliterated to JSON. */
    static final String FILE_PROTECTION = """
            {
              "file": "64c731adbe1b96cb5765203b1e215093dcf268d020b299445884a4ae62ed2d3a",
              "state": [
                { "technology": "AntiVirus", "firstDefsetVersion": "20160428.021", "threatName": "Trojan.Gen.2" },
                { "technology": "Intrusion Prevention System", "firstDefsetVersion": "20221025.061",
                  "threatName": "System Infected: Trojan.Backdoor Activity 634" },
                { "technology": "Behavioural Analysis & System Heuristics", "firstDefsetVersion": "20230420.001",
                  "threatName": "SONAR.SuspScr!gen1" }
              ]
            }""";

    /** §4.5, S5 README output (note the dotted defset version). */
    static final String NETWORK_PROTECTION = """
            {
              "network": "nicolascoolman.eu",
              "state": [
                { "technology": "AntiVirus", "firstDefsetVersion": "2023.03.14.024", "threatName": "WS.Reputation.1" },
                { "technology": "Behavioural Analysis & System Heuristics", "firstDefsetVersion": "20230301.001",
                  "threatName": "SONAR.Heur.Dropper" }
              ]
            }""";

    /** §4.6, S5 README output. */
    static final String CVE_2023_35311 = """
            { "cve": "CVE-2023-35311",
              "state": [ { "technology": "Intrusion Prevention System", "firstDefsetVersion": "20230712.061",
                           "threatName": "Web Attack: Microsoft Outlook CVE-2023-35311" } ] }""";

    /**
     * §4.6: the S1 fixture for CVE-2017-0038 is only known by its echo key; the state is filled in (a Windows GDI
     * flaw), and the echo key is {@code cve} as the live API sends.
     */
    static final String CVE_2017_0038 = """
            { "cve": "CVE-2017-0038",
              "state": [ { "technology": "Intrusion Prevention System", "firstDefsetVersion": "20170315.041",
                           "threatName": "Attack: Microsoft Windows GDI CVE-2017-0038" } ] }""";

    /**
     * The Postman slide deck's chain ending in wininit.exe, nesting as shown. The slide lost one hex digit of three
     * hashes (padded with a trailing 0) and redacts the middle of wininit.exe's (filled in).
     */
    static final String WININIT_CHAIN = """
            {"file": "5a3f0b0929bfc626012f45ce80d4316497c676e1e639bc3b241d5e9b5f113899",
              "chain": [
                {
                  "parent": {
                    "parent": {
                      "parent": {
                        "parent": {
                          "parent": {
                            "parent": {
                              "file": "8694c5732d26921ee29509a9fa4182139ef0c1d2e3f4a5b6c7d8e9f0aa5defe6",
                              "processName": "wininit.exe"
                            },
                            "file": "930f44f9a599937bdb23cfc7ea4d158991b837d2a8975c15696cdd4198880e80",
                            "processName": "services.exe"
                          },
                          "file": "438b6cccd84f4dd32d9604ed7d58fd7d1e5a75fe3f3d12ab6c78e6bb8ffad5e7",
                          "processName": "svchost.exe"
                        },
                        "file": "a0a37fde4d9cd7385e819afa967bc525231c2f166c38591532d8feab94e40da0",
                        "processName": "w3wp.exe"
                      },
                      "file": "935c1861df14018d698e8b65abfa02d7e903708f68ca3c2865b6ca165d44ad20",
                      "processName": "cmd.exe"
                    },
                    "file": "935c1861df14018d698e8b65abfa02d7e903708f68ca3c2865b6ca165d44ad20",
                    "processName": "cmd.exe"
                  }
                }
              ]
            }""";
}
