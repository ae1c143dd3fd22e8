/** Uploads (codebooks, tallies, gold standards) over this size are refused unread: 50 MB (MiB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
