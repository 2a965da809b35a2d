package org.sysmontriage.ui.details;

import org.sysmontriage.event.EventStore;

/** A one-line description of an event for lists: who did what to what. */
public final class EventSummary {
  private static final String[] ACTOR = {"SourceImage", "Image", "ParentImage"};
  private static final String[] OBJECT = {"TargetImage", "TargetFilename", "ImageLoaded", "TargetObject", "CommandLine", "DestinationIp", "QueryName", "PipeName"};

  private EventSummary() {}

  public static String of(EventStore s, int e) {
    String actor = first(s, e, ACTOR);
    String object = first(s, e, OBJECT);
    if (actor.isEmpty()) {
      return object;
    }
    return object.isEmpty() ? actor : actor + " → " + object;
  }

  private static String first(EventStore s, int e, String[] names) {
    for (String n : names) {
      String v = s.field(e, n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "";
  }
}
