package org.sysmontriage.ingest.evtx;

import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;

/**
 * Maps a record's XML onto an {@link EventDraft} while it is walked, without building a tree:
 * System fields into the draft's members, {@code <EventData><Data Name=..>} values under their
 * names, {@code <UserData>} flattened to its leaf elements. Values nobody reads (Keywords,
 * Execution, Security...) are never decoded. Markup nested inside a value (BinXml values) is
 * kept as XML text, as libevtx prints it.
 */
final class DraftSink implements BinXmlSink {
  private static final int MAX_DEPTH = 64;
  private static final int NONE = 0;
  private static final int SYSTEM = 1;
  private static final int EVENT_DATA = 2;
  private static final int USER_DATA = 3;
  // what a depth-3 element (or a UserData element) means
  private static final int PROVIDER = 1;
  private static final int EVENT_ID = 2;
  private static final int TIME_CREATED = 3;
  private static final int RECORD_ID = 4;
  private static final int CHANNEL = 5;
  private static final int COMPUTER = 6;
  private static final int DATA = 7;
  private static final int LEAF = 8;
  // what the current attribute means
  private static final int PROVIDER_NAME = 1;
  private static final int SYSTEM_TIME = 2;
  private static final int DATA_NAME = 3;

  private final TextBuffer text = new TextBuffer();
  private final TextBuffer attrText = new TextBuffer();
  private final String[] names = new String[MAX_DEPTH];
  private final XmlSink nested = XmlSink.compact();
  private EventDraft d;
  private int depth;
  private int section;
  private int role;
  private int collectDepth;
  private int nestedDepth;
  private int attr;
  private boolean inAttr;
  private String dataName;
  private int unnamed;
  private long systemTicks;

  /** Starts a record: the draft is filled from here on. */
  void start(EventDraft draft) {
    d = draft;
    depth = 0;
    section = NONE;
    role = NONE;
    collectDepth = -1;
    nestedDepth = 0;
    inAttr = false;
    unnamed = 0;
    systemTicks = Times.UNKNOWN;
  }

  /** Event time: Sysmon's UtcTime when present, else System/TimeCreated, else {@code fallback}. */
  void finish(long fallbackTicks) {
    String utc = d.get("UtcTime");
    long t = utc == null ? Times.UNKNOWN : Times.parse(utc);
    d.ticks = t != Times.UNKNOWN ? t : systemTicks != Times.UNKNOWN ? systemTicks : fallbackTicks;
  }

  @Override
  public void startElement(String name) {
    endAttribute();
    if (nestedDepth > 0 || (collectDepth > 0 && section != USER_DATA)) {
      nestedStart(name);
      return;
    }
    depth++;
    if (depth < MAX_DEPTH) {
      names[depth] = name;
    }
    if (depth == 2) {
      section = sectionOf(name);
    } else if (depth == 3 && section == SYSTEM) {
      role = systemRole(name);
      collectDepth = role == EVENT_ID || role == RECORD_ID || role == CHANNEL || role == COMPUTER ? depth : -1;
      text.reset();
    } else if (depth == 3 && section == EVENT_DATA) {
      role = DATA;
      dataName = null;
      collectDepth = depth;
      text.reset();
    } else if (depth >= 3 && section == USER_DATA) {
      role = LEAF; // a leaf until a child element shows up
      collectDepth = depth;
      text.reset();
    } else {
      role = NONE;
    }
  }

  private void nestedStart(String name) {
    if (nestedDepth == 0) {
      nested.into(text.builder());
    }
    nestedDepth++;
    nested.startElement(name);
  }

  private static int sectionOf(String name) {
    switch (name) {
      case "System": return SYSTEM;
      case "EventData": return EVENT_DATA;
      case "UserData": return USER_DATA;
      default: return NONE;
    }
  }

  private static int systemRole(String name) {
    switch (name) {
      case "Provider": return PROVIDER;
      case "EventID": return EVENT_ID;
      case "TimeCreated": return TIME_CREATED;
      case "EventRecordID": return RECORD_ID;
      case "Channel": return CHANNEL;
      case "Computer": return COMPUTER;
      default: return NONE;
    }
  }

  @Override
  public void attribute(String name) {
    if (nestedDepth > 0) {
      nested.attribute(name);
      return;
    }
    endAttribute();
    inAttr = true;
    attrText.reset();
    if (depth != 3) {
      attr = NONE;
    } else if (role == PROVIDER && name.equals("Name")) {
      attr = PROVIDER_NAME;
    } else if (role == TIME_CREATED && name.equals("SystemTime")) {
      attr = SYSTEM_TIME;
    } else if (role == DATA && name.equals("Name")) {
      attr = DATA_NAME;
    } else {
      attr = NONE;
    }
  }

  private void endAttribute() {
    if (!inAttr) {
      return;
    }
    inAttr = false;
    if (attr == PROVIDER_NAME) {
      d.provider = attrText.string();
    } else if (attr == DATA_NAME) {
      dataName = attrText.string();
    } else if (attr == SYSTEM_TIME && !attrText.isEmpty()) {
      systemTicks = Times.parse(attrText.string());
    }
  }

  @Override
  public void closeStart() {
    if (nestedDepth > 0) {
      nested.closeStart();
      return;
    }
    endAttribute();
  }

  @Override
  public void closeEmpty() {
    if (nestedDepth > 0) {
      nestedEnd(true);
      return;
    }
    endAttribute();
    endElement();
  }

  @Override
  public void endElement() {
    if (nestedDepth > 0) {
      nestedEnd(false);
      return;
    }
    if (depth == 0) {
      return; // an end without a start (damaged BinXml): nothing to close
    }
    if (collectDepth > 0 && depth == collectDepth) {
      collected();
    }
    depth--;
    if (depth <= 1) {
      section = NONE;
    }
  }

  private void nestedEnd(boolean empty) {
    if (empty) {
      nested.closeEmpty();
    } else {
      nested.endElement();
    }
    nestedDepth--;
  }

  /** The element whose text was being collected ends. */
  private void collected() {
    collectDepth = -1;
    switch (role) {
      case EVENT_ID: d.eventId = parseInt(text.string()); break;
      case RECORD_ID: d.recordId = parseLong(text.string(), d.recordId); break;
      case CHANNEL: d.channel = text.string(); break;
      case COMPUTER: d.computer = text.string(); break;
      case DATA: d.field(fieldName(), text.string()); break;
      case LEAF: d.field(names[Math.min(depth, MAX_DEPTH - 1)], text.string()); break;
      default: break;
    }
    role = NONE;
  }

  private String fieldName() {
    if (dataName != null && !dataName.isEmpty()) {
      return dataName;
    }
    String element = names[3];
    if (!"Data".equals(element)) {
      return element;
    }
    unnamed++;
    return unnamed == 1 ? "Data" : "Data" + unnamed;
  }

  @Override
  public void literal(String s) {
    if (nestedDepth > 0) {
      nested.literal(s);
    } else if (inAttr) {
      if (attr != NONE) {
        attrText.literal(s);
      }
    } else if (collectDepth > 0) {
      text.literal(s);
    }
  }

  @Override
  public void value(byte[] b, int type, int pos, int size) {
    if (nestedDepth > 0) {
      nested.value(b, type, pos, size);
    } else if (inAttr) {
      if (attr == SYSTEM_TIME && type == ValueType.FILETIME && size == 8) {
        systemTicks = Times.fromFiletime(Le.i64(b, pos));
      } else if (attr != NONE) {
        attrText.value(b, type, pos, size);
      }
    } else if (collectDepth > 0) {
      text.value(b, type, pos, size);
    }
  }

  @Override
  public void charRef(int codeUnit) {
    if (nestedDepth > 0) {
      nested.charRef(codeUnit);
    } else if (inAttr) {
      attrText.append((char) codeUnit);
    } else if (collectDepth > 0) {
      text.append((char) codeUnit);
    }
  }

  @Override
  public void entityRef(String name) {
    if (nestedDepth > 0) {
      nested.entityRef(name);
      return;
    }
    String s = XmlSink.entity(name);
    if (inAttr) {
      attrText.literal(s);
    } else if (collectDepth > 0) {
      text.literal(s);
    }
  }

  @Override
  public void cdata(String s) {
    literal(s);
  }

  @Override
  public void processingInstruction(String target, String data) {
    if (nestedDepth > 0) {
      nested.processingInstruction(target, data);
    }
  }

  private static int parseInt(String s) {
    long v = parseLong(s, -1);
    return v >= 0 && v <= Integer.MAX_VALUE ? (int) v : -1;
  }

  private static long parseLong(String s, long fallback) {
    int n = s.length();
    if (n == 0 || n > 18) {
      return fallback;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return fallback;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
