package org.sysmontriage.ingest.evtx;

/**
 * Malformed EVTX data met while decoding one record or chunk. Carries no stack trace: it is an
 * expected outcome on damaged files, caught per record and reported as a located issue.
 */
final class EvtxFormatException extends RuntimeException {
  EvtxFormatException(String message) {
    super(message, null, false, false);
  }
}
