/**
 * The playbook ports ({@link riposte.core.playbook.PlaybookPorts}) against the server's own services: one Spring bean
 * the durable engine runs steps against. An {@link riposte.core.playbook.ObjectRef} id is the database id of the
 * object for every kind (indicator, artifact, incident, data-table row; {@code table} names the row's table).
 */
package riposte.server.playbook.ports;
