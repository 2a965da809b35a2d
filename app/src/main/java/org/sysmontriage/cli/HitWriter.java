package org.sysmontriage.cli;

import java.io.Closeable;
import java.io.IOException;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;

/** Writes scan hits in one output format. */
interface HitWriter extends Closeable {
  void write(EventStore store, Hit hit) throws IOException;

  /** Writes a hit with the case's triage ({@code scan --case}); null without a case. Default: the triage is not shown. */
  default void write(EventStore store, Hit hit, HitTriage triage) throws IOException {
    write(store, hit);
  }

  /** Called once after the hits with the whole result (summaries); default: nothing. */
  default void finish(EventStore store, DetectionResult result) throws IOException {}
}
