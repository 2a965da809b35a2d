package org.sysmontriage.ingest.xml;

/**
 * Up to {@link EventCollector#SIZE} events of one file, decoded and located, ready for a parser
 * thread.
 *
 * @param texts the {@code <Event>...</Event>} texts
 * @param starts byte offset of each event's {@code <Event}
 * @param lines line of each event's start
 * @param columns column of each event's start
 * @param count how many entries are used
 * @param layout the dialect the file's layout suggests, on the file's first batch only (else null)
 */
record BatchJob(String[] texts, int[] starts, long[] lines, long[] columns, int count, String layout) {}
