package org.sysmontriage.ingest.xml;

/** Explicit bounds for hostile or broken XML; an event past one is skipped with a located issue. */
final class XmlLimits {
  /** Bytes of one {@code <Event>} element; real events are a few KB. */
  static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;
  /** Element nesting inside one event (real ones: Event/UserData/X/Y, about 5). */
  static final int MAX_DEPTH = 32;
  /** Characters of one text value (a CallTrace or a PowerShell script block fits easily). */
  static final int MAX_TEXT_CHARS = 1024 * 1024;
  /** Characters of one attribute value. */
  static final int MAX_ATTRIBUTE_CHARS = 64 * 1024;
  /** Attributes on one element. */
  static final int MAX_ATTRIBUTES = 64;
  /** Fields of one event. */
  static final int MAX_FIELDS = 1024;

  private XmlLimits() {}
}
