package org.industrygaps.warehouse;

import java.util.Map;

/**
 * What ingest did with one drop file: rows read = accepted + rejected, by reason. {@code
 * modifiedAt} is the file's modification time when it was ingested (null in older registries): with
 * the size, it tells a rerun that the file is unchanged without reading it. {@code acceptedByYear}
 * counts its accepted rows per year (null in older registries): a report compares the drops'
 * years to know which keys a later drop may have revised, and how many.
 */
public record FileRecord(
    String file,
    String sha256,
    long bytes,
    long rowsRead,
    long rowsAccepted,
    long rowsRejected,
    Map<String, Long> rejectedByReason,
    String modifiedAt,
    Map<Integer, Long> acceptedByYear) {}
