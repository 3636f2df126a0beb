package org.industrygaps.warehouse;

import java.util.Map;

/** What ingest did with one drop file: rows read = accepted + rejected, by reason. */
public record FileRecord(
    String file,
    String sha256,
    long bytes,
    long rowsRead,
    long rowsAccepted,
    long rowsRejected,
    Map<String, Long> rejectedByReason) {}
