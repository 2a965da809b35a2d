package org.sysmontriage.ingest.evtx;

/**
 * Writes a record as XML text: indented like {@code evtxexport -f xml} (two spaces, text inline,
 * empty elements as {@code <X/>}), or compact for markup nested inside a value.
 */
final class XmlSink implements BinXmlSink {
  private static final int MAX_DEPTH = 256;
  private final boolean pretty;
  private final StringBuilder scratch = new StringBuilder();
  private final String[] names = new String[MAX_DEPTH];
  private final boolean[] hasChildren = new boolean[MAX_DEPTH];
  private StringBuilder out;
  private int depth;
  private boolean tagOpen;
  private String attr;
  private boolean attrStarted;

  private XmlSink(boolean pretty, StringBuilder out) {
    this.pretty = pretty;
    this.out = out;
  }

  static XmlSink pretty(StringBuilder out) {
    return new XmlSink(true, out);
  }

  static XmlSink compact() {
    return new XmlSink(false, new StringBuilder());
  }

  /** Writes from now on into {@code target}, starting at depth 0. */
  void into(StringBuilder target) {
    out = target;
    depth = 0;
    tagOpen = false;
    attr = null;
    attrStarted = false;
  }

  /** The text of a predefined entity reference, or the reference itself. */
  static String entity(String name) {
    switch (name) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return "\"";
      case "apos": return "'";
      default: return "&" + name + ";";
    }
  }

  @Override
  public void startElement(String name) {
    finishAttribute();
    openContent();
    if (depth > 0 && depth < MAX_DEPTH) {
      hasChildren[depth - 1] = true;
    }
    if (pretty && depth > 0) {
      out.append('\n');
    }
    indent();
    out.append('<').append(name);
    if (depth < MAX_DEPTH) {
      names[depth] = name;
      hasChildren[depth] = false;
    }
    depth++;
    tagOpen = true;
  }

  @Override
  public void attribute(String name) {
    finishAttribute();
    attr = name;
  }

  @Override
  public void closeStart() {
    finishAttribute();
    if (!pretty) {
      openContent();
    }
  }

  @Override
  public void closeEmpty() {
    finishAttribute();
    tagOpen = true;
    endElement();
  }

  @Override
  public void endElement() {
    finishAttribute();
    depth = Math.max(depth - 1, 0);
    String name = depth < MAX_DEPTH ? names[depth] : "";
    if (tagOpen) {
      out.append("/>");
      tagOpen = false;
    } else {
      if (pretty && depth < MAX_DEPTH && hasChildren[depth]) {
        out.append('\n');
        indent();
      }
      out.append("</").append(name).append('>');
    }
  }

  @Override
  public void literal(String text) {
    if (text.isEmpty() && attr == null) {
      return; // an empty string value leaves the element empty: <Data Name="x"/>
    }
    if (attr != null) {
      startAttributeValue();
      escape(text, true);
    } else {
      openContent();
      escape(text, false);
    }
  }

  @Override
  public void value(byte[] b, int type, int pos, int size) {
    scratch.setLength(0);
    Values.append(scratch, b, type, pos, size);
    literal(scratch.toString());
  }

  @Override
  public void charRef(int codeUnit) {
    literal(String.valueOf((char) codeUnit));
  }

  @Override
  public void entityRef(String name) {
    if (attr != null) {
      startAttributeValue();
    } else {
      openContent();
    }
    out.append('&').append(name).append(';');
  }

  @Override
  public void cdata(String text) {
    openContent();
    out.append("<![CDATA[").append(text).append("]]>");
  }

  @Override
  public void processingInstruction(String target, String data) {
    openContent();
    out.append("<?").append(target);
    if (!data.isEmpty()) {
      out.append(' ').append(data);
    }
    out.append("?>");
  }

  private void openContent() {
    if (tagOpen) {
      out.append('>');
      tagOpen = false;
    }
  }

  private void startAttributeValue() {
    if (!attrStarted) {
      out.append(' ').append(attr).append("=\"");
      attrStarted = true;
    }
  }

  private void finishAttribute() {
    if (attrStarted) {
      out.append('"');
    }
    attr = null;
    attrStarted = false;
  }

  private void indent() {
    if (pretty) {
      for (int i = 0; i < depth; i++) {
        out.append("  ");
      }
    }
  }

  private void escape(String s, boolean inAttribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"':
          out.append(inAttribute ? "&quot;" : "\"");
          break;
        default: out.append(c);
      }
    }
  }
}
