package riposte.simulator.sepm;

/**
 * One file on a simulated endpoint. Hashes are lower-case hex.
 *
 * @param path full path as the agent reports it
 * @param malicious whether the SHA-256 comes from the malicious share (known to the SES simulator)
 * @param systemProtected whether remediation fails on it (files under the Windows system folders)
 */
record InventoryFile(String path, String sha256, String sha1, String md5, int size, boolean malicious,
                     boolean systemProtected) {

    String hash(String type) {
        return switch (type.toUpperCase(java.util.Locale.ROOT)) {
            case "SHA256", "SHA-256" -> sha256;
            case "SHA1", "SHA-1" -> sha1;
            case "MD5" -> md5;
            default -> null;
        };
    }

    String fileName() {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }
}
