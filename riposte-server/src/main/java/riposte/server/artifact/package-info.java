/** Artifacts: the observables of an incident, typed and normalised by the core indicator parser. */
package riposte.server.artifact;
