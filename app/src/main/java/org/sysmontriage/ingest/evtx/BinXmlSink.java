package org.sysmontriage.ingest.evtx;

/**
 * Receives a record's XML as the walker replays templates with their substitutions. An
 * attribute's content is every literal or value between {@link #attribute} and the next
 * attribute, {@link #closeStart} or {@link #closeEmpty}.
 */
interface BinXmlSink {
  void startElement(String name);

  void attribute(String name);

  /** {@code >}: content follows. */
  void closeStart();

  /** {@code />}: the element ends here. */
  void closeEmpty();

  void endElement();

  void literal(String text);

  /** A substitution value of a scalar type; BinXml values are expanded by the walker instead. */
  void value(byte[] b, int type, int pos, int size);

  void charRef(int codeUnit);

  void entityRef(String name);

  void cdata(String text);

  void processingInstruction(String target, String data);
}
