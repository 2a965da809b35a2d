package org.sysmontriage.ingest;

import java.nio.file.Path;

/**
 * A file the user named, or found in a folder the user named, with its sniffed format.
 *
 * @param explicit named by the user (an unknown format is then an error, not a silent skip)
 * @param problem why it cannot be read at all (missing, permission denied), or null
 */
record InputFile(String source, Path path, SniffedFormat format, long size, boolean explicit, String problem) {}
