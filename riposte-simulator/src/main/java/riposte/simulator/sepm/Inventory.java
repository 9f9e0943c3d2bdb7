package riposte.simulator.sepm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seeded base file inventory of each endpoint, computed on demand from the seed and the
 * computer index (nothing is stored per endpoint).
 *
 * <p>Catalog files (system binaries shared by every machine of an OS) carry the real hashes of their
 * generated content. Per-endpoint and malicious files carry derived hashes: a malicious file's SHA-256
 * is one of the malicious SHA-256s (shared with the SES simulator), and its MD5/SHA-1 are derived
 * from it, so the three always agree across scans, uploads and fingerprint lists.
 */
final class Inventory {
    private static final String[] WINDOWS_CATALOG = {
        "C:\\Windows\\System32\\notepad.exe", "C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\where.exe",
        "C:\\Windows\\SysWOW64\\where.exe", "C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\calc.exe",
        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
        "C:\\Program Files\\Symantec\\Symantec Endpoint Protection\\Smc.exe",
    };
    private static final String[] WINDOWS_OPTIONAL = {
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
        "C:\\Program Files\\7-Zip\\7z.exe",
        "C:\\Program Files\\Notepad++\\notepad++.exe",
    };
    private static final String[] LINUX_CATALOG = {
        "/usr/bin/bash", "/usr/bin/curl", "/usr/sbin/sshd", "/opt/Symantec/symantec_antivirus/sav",
    };
    private static final String[] MAC_CATALOG = {
        "/bin/zsh", "/usr/bin/curl", "/Applications/Safari.app/Contents/MacOS/Safari",
        "/Library/Application Support/Symantec/Silo/MES/SymDaemon",
    };
    private static final String[] MALWARE_NAMES = {
        "invoice_%d.exe", "svch0st.exe", "update_%d.exe", "payload.dll", "scan_%d.pdf.exe", "setup_%d.bat",
    };
    private static final String[] MALWARE_DIRS = {
        "C:\\Users\\%s\\AppData\\Local\\Temp\\", "C:\\Users\\%s\\Downloads\\", "C:\\ProgramData\\%s\\",
        "C:\\Windows\\System32\\",
    };

    private final long seed;
    private final List<String> maliciousSha256s;
    private final double maliciousFraction;
    private final Map<String, InventoryFile> catalog = new ConcurrentHashMap<>();
    private final Map<String, String> catalogKeyBySha256 = new ConcurrentHashMap<>();
    /** Planted files with real bytes, by their SHA-256: scans, uploads and downloads give their true hashes. */
    private final Map<String, byte[]> planted;

    Inventory(long seed, List<String> maliciousSha256s, double maliciousFraction) {
        this(seed, maliciousSha256s, maliciousFraction, Map.of());
    }

    Inventory(long seed, List<String> maliciousSha256s, double maliciousFraction, Map<String, byte[]> planted) {
        this.seed = seed;
        this.maliciousSha256s = maliciousSha256s.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.maliciousFraction = maliciousFraction;
        this.planted = Map.copyOf(planted);
    }

    List<String> maliciousSha256s() {
        return maliciousSha256s;
    }

    /** The seeded files of computer {@code c}, before any remediation. */
    List<InventoryFile> baseFiles(Computer c) {
        SplittableRandom rnd = new SplittableRandom(Ids.mix(seed * 0x632BE59BD9B4E019L + c.index()));
        List<InventoryFile> files = new ArrayList<>();
        switch (c.os().family()) {
            case "WINDOWS" -> {
                for (String path : WINDOWS_CATALOG) {
                    files.add(catalogFile(c.os().osName(), path));
                }
                for (String path : WINDOWS_OPTIONAL) {
                    if (rnd.nextDouble() < 0.5) {
                        files.add(catalogFile(c.os().osName(), path));
                    }
                }
                int own = 1 + rnd.nextInt(3);
                for (int i = 0; i < own; i++) {
                    String path = "C:\\Users\\" + c.user() + "\\Downloads\\document_" + rnd.nextInt(10_000) + ".exe";
                    files.add(derived(path, "own:" + c.index() + ":" + i, false));
                }
            }
            case "LINUX" -> {
                for (String path : LINUX_CATALOG) {
                    files.add(catalogFile(c.os().osName(), path));
                }
            }
            default -> {
                for (String path : MAC_CATALOG) {
                    files.add(catalogFile(c.os().osName(), path));
                }
            }
        }
        if (!maliciousSha256s.isEmpty() && c.os().family().equals("WINDOWS") && rnd.nextDouble() < maliciousFraction) {
            int count = 1 + (rnd.nextDouble() < 0.3 ? 1 : 0);
            for (int i = 0; i < count; i++) {
                double r = rnd.nextDouble();
                // Skewed pick: the first hashes of the pool are widespread, the last ones rare.
                String sha256 = maliciousSha256s.get((int) (maliciousSha256s.size() * r * r * r));
                String dir = MALWARE_DIRS[rnd.nextInt(MALWARE_DIRS.length)].formatted(c.user());
                String name = MALWARE_NAMES[rnd.nextInt(MALWARE_NAMES.length)].formatted(rnd.nextInt(1000));
                byte[] bytes = planted.get(sha256);
                files.add(bytes != null ? plantedFile(dir + name, bytes) : malicious(dir + name, sha256));
            }
        }
        return files;
    }

    private InventoryFile catalogFile(String osName, String path) {
        return catalog.computeIfAbsent(osName + "|" + path, key -> {
            byte[] content = content(key, 4096);
            catalogKeyBySha256.put(hex("SHA-256", content), key);
            return new InventoryFile(path, hex("SHA-256", content), hex("SHA-1", content), hex("MD5", content),
                    content.length, false, isProtected(path));
        });
    }

    private InventoryFile derived(String path, String identity, boolean malicious) {
        String sha256 = hex("SHA-256", bytes(seed + ":" + identity));
        return new InventoryFile(path, sha256, hex("SHA-1", bytes(sha256)), hex("MD5", bytes(sha256)),
                sizeOf(sha256), malicious, isProtected(path));
    }

    static InventoryFile malicious(String path, String sha256) {
        String lower = sha256.toLowerCase(Locale.ROOT);
        return new InventoryFile(path, lower, hex("SHA-1", bytes(lower)), hex("MD5", bytes(lower)), sizeOf(lower),
                true, isProtected(path));
    }

    /** A malicious file whose content is known: its hashes and size are those of the bytes. */
    static InventoryFile plantedFile(String path, byte[] bytes) {
        return new InventoryFile(path, hex("SHA-256", bytes), hex("SHA-1", bytes), hex("MD5", bytes), bytes.length,
                true, isProtected(path));
    }

    /** The bytes an upload of {@code file} returns: a planted file's own, else generated from its identity. */
    byte[] content(InventoryFile file) {
        byte[] bytes = planted.get(file.sha256());
        if (bytes != null) return bytes.clone();
        String key = catalogKeyBySha256.get(file.sha256());
        return key != null ? content(key, 4096) : content(file.sha256(), file.size());
    }

    private byte[] content(String key, int size) {
        SplittableRandom rnd = new SplittableRandom(Ids.mix(seed ^ key.hashCode() * 0x9E3779B97F4A7C15L));
        byte[] out = new byte[size];
        rnd.nextBytes(out);
        out[0] = 'M';
        out[1] = 'Z';
        return out;
    }

    private static int sizeOf(String sha256) {
        return 1024 + (int) (Long.parseUnsignedLong(sha256.substring(0, 8), 16) % 7168);
    }

    static boolean isProtected(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.startsWith("c:\\windows\\system32\\") || p.startsWith("c:\\windows\\syswow64\\");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a mandatory JDK algorithm", e);
        }
    }
}
