package org.sysmontriage.cli;

import java.io.Closeable;
import java.io.IOException;
import org.sysmontriage.event.EventStore;

/** Streams stored events out, one at a time. */
interface EventWriter extends Closeable {
  void write(EventStore store, int event) throws IOException;
}
