/**
 * Where state lives when nothing else is configured: an embedded MongoDB wire-protocol server (H2 file under
 * {@code TRELLIS_DATA_DIR}) and the Quartz JDBC job store defaults. Other features only see Spring's MongoDB and
 * Quartz beans; nothing depends on this package.
 */
package dev.trellis.storage;
