package riposte.server.credential;

/** What a credential is for. */
public enum CredentialKind {
    /** Symantec Endpoint Security (cloud) API client: url, username = client id, secret = client secret. */
    SES,
    /** Symantec Endpoint Protection Manager: url, username, secret = password. */
    SEPM,
    /** A mailbox read for notifications: url (imaps://host:993), username, secret = password. */
    MAILBOX,
    OTHER
}
