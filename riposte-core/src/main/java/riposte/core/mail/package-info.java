/**
 * Reading e-mail, framework-free: {@link riposte.core.mail.MailParser} turns raw RFC 5322 bytes (hostile ones
 * included) into a bounded {@link riposte.core.mail.MailMessage} with what could not be read listed;
 * {@link riposte.core.mail.SepmNotification} recognises and reads SEPM's risk notifications (the IBM Resilient
 * guide's "Example: SEP - Parse notification" rule); {@link riposte.core.mail.IndicatorExtractor} finds URLs,
 * domains, IP addresses and hashes in free text, defanged or not.
 */
package riposte.core.mail;
