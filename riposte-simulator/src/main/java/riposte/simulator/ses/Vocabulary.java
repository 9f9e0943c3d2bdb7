package riposte.simulator.ses;

import java.util.Arrays;
import java.util.List;

/**
 * The words generated records are made of. Enumerated values (technologies, prevalence bands, relations, IOC types)
 * are exactly the reference's [C] vocabularies; names (actors, threat names, industries) are realistic samples.
 */
final class Vocabulary {

    private Vocabulary() {}

    /** A categorisation entry. Only ids 43 and 96 are public (reference §4.2); the others follow WebPulse's list. */
    record Category(int id, String name) {}

    static final List<String> MALICIOUS_FILE_PREVALENCE =
            List.of("LessThanFifty", "LessThanFifty", "LessThanHundred", "LessThanHundred", "Hundreds", "Thousands");
    /** [I] Bands above {@code Hundreds} follow the observed naming pattern; not confirmed. */
    static final List<String> BENIGN_FILE_PREVALENCE =
            List.of("Hundreds", "Thousands", "TensOfThousands", "HundredsOfThousands", "Millions");
    static final List<String> BAD_NETWORK_PREVALENCE = List.of("Low", "Low", "Low", "Medium");
    static final List<String> GOOD_NETWORK_PREVALENCE = List.of("Medium", "High", "High");

    static final String AV = "AntiVirus";
    static final String IPS = "Intrusion Prevention System";
    static final String BASH = "Behavioural Analysis & System Heuristics";

    static final List<String> COUNTRIES = List.of("us", "gb", "de", "fr", "in", "jp", "cn", "kr", "sg", "au", "ca",
            "br", "mx", "es", "it", "nl", "il", "ae", "sa", "qa", "tw", "hk", "ua", "tr", "za", "ng", "pl", "se", "ch",
            "vn", "id", "my", "th", "ph", "eg", "cl", "co", "ar", "ec", "tn", "cm", "pk", "kz");

    /** {@code null} is drawn on purpose: the real API returns null elements in {@code topIndustries} (§4.2). */
    static final List<String> INDUSTRIES = Arrays.asList("Financial Services", "Government", "Manufacturing",
            "Healthcare", "Retail", "Information Technology", "Telecommunications", "Energy", "Utilities",
            "Education", "Transportation", "Real Estate", "Legal", "Media", "Hospitality", "Pharmaceuticals",
            "Defense", "Construction", "Insurance", "Aerospace", null);

    /** Symantec names groups after insects and the like; these are real, publicly reported group names. */
    static final List<String> ACTORS = List.of("Waterbug", "Dragonfly", "Seedworm", "Buckeye", "Lazarus", "Grayling",
            "Harvester", "Shuckworm", "Cicada", "Budworm", "Clasiopa", "Crambus", "Stonefly", "Thrip", "Whitefly",
            "Witchetty", "Blackfly", "Orangeworm", "Tick", "Elfin");

    static final List<String> REFERENCE_DESCRIPTIONS = List.of("New backdoor used in espionage campaigns",
            "Ransomware attackers target healthcare organizations", "Phishing campaign delivers information stealer",
            "Supply chain attack targets software vendors", "Espionage group targets government agencies in Asia",
            "Wiper malware deployed against energy sector", "Credential theft campaign abuses cloud services",
            "Loader distributes banking Trojan via \"invoice\" lures");

    static final List<String> AV_NAMES = List.of("Trojan.Gen.2", "Trojan.Gen.MBT", "Backdoor.Turla", "Infostealer",
            "Ransom.Lockbit", "Ransom.Conti", "Trojan.Emotet", "Backdoor.Cobalt", "Downloader", "W97M.Downloader",
            "Trojan.Dropper", "Heur.AdvML.B", "Backdoor.Plugx", "Trojan.Qakbot", "Infostealer.Lokibot",
            "Hacktool.Mimikatz", "Exp.CVE-2017-11882", "Trojan.Malscript");
    static final List<String> FILE_IPS_NAMES = List.of("System Infected: Trojan.Backdoor Activity 634",
            "System Infected: Bad Reputation Application Activity", "Attack: Cobalt Strike Beacon Activity 3",
            "System Infected: Emotet Activity 7", "System Infected: Trojan.Qakbot Activity 12");
    static final List<String> NETWORK_IPS_NAMES = List.of("Malicious Site: Malicious Domain Request 40",
            "Web Attack: Mass Injection Website 63", "Malicious Site: Malicious Domains Request",
            "Web Attack: Fake Tech Support Website 117", "Web Attack: Malicious Binary Download Request");
    static final List<String> BASH_NAMES = List.of("SONAR.SuspScr!gen1", "SONAR.Heur.Dropper", "SONAR.SuspLaunch!g18",
            "SONAR.Ransomware!g3", "SONAR.ProcHijack!g25", "SONAR.Cred!gen1", "sonar.heuristic.159");
    static final List<String> CVE_PRODUCTS = List.of("Microsoft Windows SMB", "Microsoft Office",
            "Microsoft Outlook", "Microsoft Exchange Server", "Apache Log4j", "Apache Struts", "Oracle WebLogic",
            "Adobe Acrobat Reader", "Fortinet FortiOS", "Citrix ADC", "VMware vCenter", "Atlassian Confluence");

    static final List<Category> MALICIOUS_CATEGORIES = List.of(new Category(43, "Malicious Sources/Malnets"),
            new Category(43, "Malicious Sources/Malnets"), new Category(44, "Malicious Outbound Data/Botnets"),
            new Category(18, "Phishing"), new Category(86, "Proxy Avoidance"));
    static final List<Category> SUSPICIOUS_CATEGORIES = List.of(new Category(92, "Suspicious"),
            new Category(124, "Compromised Sites"), new Category(103, "Dynamic DNS Host"),
            new Category(102, "Potentially Unwanted Software"), new Category(101, "Spam"),
            new Category(57, "Remote Access"), new Category(17, "Hacking"), new Category(98, "Placeholders"));
    static final List<Category> BENIGN_CATEGORIES = List.of(new Category(96, "Web Infrastructure"),
            new Category(38, "Technology/Internet"), new Category(21, "Business/Economy"), new Category(46, "News"),
            new Category(40, "Search Engines/Portals"), new Category(58, "Shopping"), new Category(27, "Education"),
            new Category(31, "Financial Services"), new Category(97, "Content Delivery Networks"),
            new Category(89, "Web Hosting"), new Category(85, "Office/Business Applications"));
    /** [I] The id of "Uncategorized" is not public. */
    static final Category UNCATEGORIZED = new Category(90, "Uncategorized");

    /** Parent lineages of malicious files, direct parent first, ending at the root process. */
    static final List<List<String>> MALICIOUS_LINEAGES = List.of(
            List.of("cmd.exe", "explorer.exe"),
            List.of("powershell.exe", "cmd.exe", "explorer.exe"),
            List.of("winword.exe", "explorer.exe"),
            List.of("powershell.exe", "winword.exe", "explorer.exe"),
            List.of("excel.exe", "explorer.exe"),
            List.of("mshta.exe", "outlook.exe", "explorer.exe"),
            List.of("rundll32.exe", "svchost.exe", "services.exe", "wininit.exe"),
            List.of("cmd.exe", "w3wp.exe", "svchost.exe", "services.exe", "wininit.exe"),
            List.of("wmiprvse.exe", "svchost.exe", "services.exe", "wininit.exe"),
            List.of("chrome.exe", "explorer.exe"));
    static final List<List<String>> BENIGN_LINEAGES = List.of(
            List.of("explorer.exe"),
            List.of("svchost.exe", "services.exe", "wininit.exe"),
            List.of("services.exe", "wininit.exe"),
            List.of("cmd.exe", "explorer.exe"));

    static final List<String> TLDS = List.of("com", "com", "com", "net", "org", "info", "biz", "top", "xyz", "online",
            "site", "ru", "cn", "io", "co", "me", "eu", "de", "br", "in");
    static final List<String> URL_DIRS = List.of("wp-content", "wp-includes", "images", "admin", "files", "download",
            "css", "assets", "uploads", "cgi-bin", "api", "login");
    static final List<String> URL_EXTENSIONS = List.of(".php", ".png", ".exe", ".zip", ".html", ".js", ".doc", ".dll");
    static final List<String> MALICIOUS_FILE_NAMES = List.of("invoice", "payment_details", "update", "setup",
            "scan_copy", "document", "order", "svchosts", "msupdate", "readme", "resume", "agent");
    static final List<String> BENIGN_FILE_NAMES = List.of("setup", "installer", "notepad++", "7z", "putty", "vlc",
            "teams", "zoom", "acrord32", "java", "python", "git", "node", "code");
}
