/**
 * The one allow-list: values that are known good or out of scope — IPv4/IPv6 addresses and CIDR blocks, the
 * built-in private and reserved ranges, exact and wildcard domains, MD5/SHA-1/SHA-256 hashes — each with the reason
 * it is listed. {@link riposte.core.allowlist.AllowListEntries} turns user text into entries (or a clear error naming
 * what is accepted); {@link riposte.core.allowlist.AllowList} is the immutable index that answers, for an indicator,
 * whether it is allow-listed and by which entry. Everything that creates, enriches or acts on indicators asks it.
 */
package riposte.core.allowlist;
