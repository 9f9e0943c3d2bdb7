package riposte.server.playbook;

/**
 * Where {@link RuleTriggers} reads the auto-enrichment rules in force. Implemented by the settings store
 * (riposte.server.settings), which gives the rules an admin saved, or the configuration's until one does. Called for
 * every new indicator and artifact, so an implementation answers from memory.
 */
public interface AutoEnrichmentPolicy {

    /** The rules in force now. */
    AutoEnrichmentRules current();
}
