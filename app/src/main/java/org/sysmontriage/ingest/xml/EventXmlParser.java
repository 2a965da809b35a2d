package org.sysmontriage.ingest.xml;

import java.io.StringReader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;

/**
 * Parses the text of one {@code <Event>} element into an {@link EventDraft}: System members into
 * the draft's own members, {@code EventData/Data[@Name]} (unnamed ones as Data1, Data2...) and the
 * leaf elements of {@code UserData}'s child into fields. RenderingInfo and other parts are skipped.
 * Event time is Sysmon's {@code UtcTime} where present, else {@code TimeCreated/@SystemTime}.
 * One instance per thread.
 */
final class EventXmlParser {
  private final XMLInputFactory factory = SecureXmlInput.factory();
  private XMLStreamReader r;
  private int depth;
  private int allowedDepth = XmlLimits.MAX_DEPTH;
  private String systemTime;
  private int unnamedData;

  /** True when the event carried RenderingInfo (a hint at the dialect). */
  private boolean rendering;

  /** Parses the text of one {@code <Event>} element into {@code d}. */
  void parse(String xml, EventDraft d) throws BadEventException {
    start(0);
    try {
      r = factory.createXMLStreamReader(new StringReader(xml));
      try {
        if (nextTag() != XMLStreamConstants.START_ELEMENT || !"Event".equals(r.getLocalName())) {
          throw bad("expected an <Event> element");
        }
        readOne(d);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw located(e);
    }
  }

  /**
   * Parses {@code <B><Event>...</Event><Event>...</Event></B>} (events of one file, wrapped so one
   * StAX reader serves many) into {@code out}; returns how many. Any problem fails the whole batch:
   * the caller then parses its events one by one to keep the good ones and locate the bad one.
   */
  int parseBatch(String xml, EventDraft[] out) throws BadEventException {
    start(1);
    try {
      r = factory.createXMLStreamReader(new StringReader(xml));
      try {
        nextTag();
        int count = 0;
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
          if (!"Event".equals(r.getLocalName()) || count == out.length) {
            throw bad("expected an <Event> element");
          }
          readOne(out[count++]);
        }
        return count;
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw located(e);
    }
  }

  private void start(int wrapperDepth) {
    rendering = false;
    depth = 0;
    allowedDepth = XmlLimits.MAX_DEPTH + wrapperDepth;
  }

  private void readOne(EventDraft d) throws XMLStreamException {
    d.clear();
    systemTime = null;
    unnamedData = 0;
    readEvent(d);
    if (d.eventId < 0) {
      throw bad("the event has no <System><EventID>");
    }
    d.ticks = eventTime(d);
  }

  private static BadEventException located(XMLStreamException e) {
    Location at = e.getLocation();
    return new BadEventException(reason(e), at == null ? 1 : at.getLineNumber(), at == null ? 1 : at.getColumnNumber());
  }

  boolean hadRenderingInfo() {
    return rendering;
  }

  private void readEvent(EventDraft d) throws XMLStreamException {
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "System" -> readSystem(d);
        case "EventData" -> readEventData(d);
        case "UserData" -> readUserData(d);
        default -> {
          rendering |= "RenderingInfo".equals(r.getLocalName());
          skipElement();
        }
      }
    }
  }

  private void readSystem(EventDraft d) throws XMLStreamException {
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "Provider" -> {
          d.provider = attribute("Name");
          skipElement();
        }
        case "EventID" -> d.eventId = parseInt(text(), "EventID");
        case "TimeCreated" -> {
          systemTime = attribute("SystemTime");
          skipElement();
        }
        case "EventRecordID" -> d.recordId = parseLong(text(), "EventRecordID");
        case "Channel" -> d.channel = text();
        case "Computer" -> d.computer = text();
        default -> skipElement();
      }
    }
  }

  private void readEventData(EventDraft d) throws XMLStreamException {
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      String element = r.getLocalName();
      if ("Data".equals(element)) {
        String name = r.getAttributeValue(null, "Name");
        String value = text();
        add(d, name == null || name.isEmpty() ? "Data" + (++unnamedData) : name, value);
      } else {
        add(d, element, text());
      }
    }
  }

  /** UserData holds one publisher-defined element; its leaf elements become fields. */
  private void readUserData(EventDraft d) throws XMLStreamException {
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      readLeaves(d);
    }
  }

  private void readLeaves(EventDraft d) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    boolean children = false;
    while (true) {
      int ev = next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        children = true;
        readLeaves(d);
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (!children) {
          add(d, r.getLocalName(), text.toString());
        }
        return;
      } else if (isText(ev)) {
        append(text, r.getText());
      }
    }
  }

  private void add(EventDraft d, String name, String value) throws XMLStreamException {
    if (d.fieldCount() >= XmlLimits.MAX_FIELDS) {
      throw bad("more than " + XmlLimits.MAX_FIELDS + " fields in one event");
    }
    d.field(name, value);
  }

  /** The text of the current element; child elements (mixed content) are skipped. */
  private String text() throws XMLStreamException {
    StringBuilder b = new StringBuilder();
    while (true) {
      int ev = next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return b.toString();
      } else if (ev == XMLStreamConstants.START_ELEMENT) {
        skipElement();
      } else if (isText(ev)) {
        append(b, r.getText());
      }
    }
  }

  private void append(StringBuilder b, String s) throws XMLStreamException {
    if (b.length() + s.length() > XmlLimits.MAX_TEXT_CHARS) {
      throw bad("a value is longer than " + XmlLimits.MAX_TEXT_CHARS + " characters");
    }
    b.append(s);
  }

  private void skipElement() throws XMLStreamException {
    int level = 1;
    while (level > 0) {
      int ev = next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        level++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        level--;
      }
    }
  }

  /** The next start or end tag, ignoring text, comments and processing instructions. */
  private int nextTag() throws XMLStreamException {
    while (true) {
      int ev = next();
      if (ev == XMLStreamConstants.START_ELEMENT || ev == XMLStreamConstants.END_ELEMENT) {
        return ev;
      }
      if (ev == XMLStreamConstants.END_DOCUMENT) {
        throw bad("the event ends early");
      }
    }
  }

  /** Every step goes through here, so the limits and the entity rule hold everywhere. */
  private int next() throws XMLStreamException {
    if (!r.hasNext()) {
      throw bad("the event ends early");
    }
    int ev = r.next();
    switch (ev) {
      case XMLStreamConstants.START_ELEMENT -> checkElement();
      case XMLStreamConstants.END_ELEMENT -> depth--;
      case XMLStreamConstants.ENTITY_REFERENCE -> throw bad("entity reference &" + r.getLocalName()
          + "; refused: only &amp; &lt; &gt; &quot; &apos; and character references are allowed");
      case XMLStreamConstants.DTD -> throw bad("a DTD inside an event is refused");
      default -> { }
    }
    return ev;
  }

  private void checkElement() throws XMLStreamException {
    if (++depth > allowedDepth) {
      throw bad("elements nested deeper than " + XmlLimits.MAX_DEPTH);
    }
    int n = r.getAttributeCount();
    if (n > XmlLimits.MAX_ATTRIBUTES) {
      throw bad("more than " + XmlLimits.MAX_ATTRIBUTES + " attributes on <" + r.getLocalName() + ">");
    }
    for (int i = 0; i < n; i++) {
      if (r.getAttributeValue(i).length() > XmlLimits.MAX_ATTRIBUTE_CHARS) {
        throw bad("an attribute of <" + r.getLocalName() + "> is longer than " + XmlLimits.MAX_ATTRIBUTE_CHARS + " characters");
      }
    }
  }

  private String attribute(String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v;
  }

  private int parseInt(String s, String what) throws XMLStreamException {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw bad(what + " '" + abbreviate(s) + "' is not a number");
    }
  }

  private long parseLong(String s, String what) throws XMLStreamException {
    if (s.isBlank()) {
      return -1;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw bad(what + " '" + abbreviate(s) + "' is not a number");
    }
  }

  private long eventTime(EventDraft d) {
    long t = Times.parse(d.get("UtcTime"));
    return t != Times.UNKNOWN ? t : Times.parse(systemTime);
  }

  private XMLStreamException bad(String message) {
    return new XMLStreamException(message, r.getLocation());
  }

  private static boolean isText(int ev) {
    return ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /** The parser's message without its "ParseError at [row,col]:" prefix (we locate it ourselves). */
  private static String reason(XMLStreamException e) {
    String m = e.getMessage() == null ? "malformed XML" : e.getMessage();
    int at = m.indexOf("Message: ");
    return at >= 0 ? m.substring(at + 9).trim() : m.trim();
  }
}
