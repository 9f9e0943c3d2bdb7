/**
 * Attachments: files uploaded to an incident. Contents live in the blob store directory ({@code RIPOSTE_BLOB_DIR}),
 * one file per SHA-256, so identical uploads are stored once; the database holds only metadata.
 */
package riposte.server.attachment;
