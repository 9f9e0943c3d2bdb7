package riposte.symantec.sepm;

/** A SEPM domain from {@code GET /domains}; {@code createdTime} is epoch milliseconds. */
public record SepmDomain(String id, String name, String description, Long createdTime, Boolean enable,
                         String companyName, String contactInfo, Integer administratorCount) {}
