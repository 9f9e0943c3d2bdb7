package riposte.symantec.sepm;

import java.util.List;

/**
 * A group from {@code GET /groups} (list mode) or one node of the tree ({@code mode=tree}, children in
 * {@link #childGroups()}). {@code fullPathName} is e.g. {@code My Company\Default Group}; times are epoch ms.
 */
public record Group(String id, String name, String description, String fullPathName,
                   Integer numberOfPhysicalComputers, Integer numberOfRegisteredUsers, String createdBy,
                   Long created, Long lastModified, String policySerialNumber, Long policyDate,
                   DomainRef domain, Boolean policyInheritanceEnabled, String defaultLocationId,
                   String externalReferenceId, List<Group> childGroups) {
    public Group {
        createdBy = createdBy == null ? null : createdBy.strip(); // padded with spaces in real data
        childGroups = childGroups == null ? List.of() : List.copyOf(childGroups);
    }
}
