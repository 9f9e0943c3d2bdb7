/** Tasks: the to-do list of an incident. */
package riposte.server.task;
