package org.sysmontriage.ingest.evtx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs libevtx's {@code evtxexport -f xml} and reads its output back into comparable records.
 * The output is a version line, then one {@code <Event>} per record. It is not always
 * well-formed (BinXml values are printed as markup with undeclared prefixes), so a lenient
 * tag scanner reads it, keeping a Data element's nested markup as the value's text.
 */
final class EvtxExport {
  /** One record as evtxexport printed it. */
  record Event(long recordId, String eventId, String systemTime, String computer, String channel,
      String provider, Map<String, String> fields, String xml) {}

  private EvtxExport() {}

  static boolean installed() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "evtxexport"))) {
        return true;
      }
    }
    return false;
  }

  static List<Event> export(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      out = buf.toByteArray();
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("evtxexport did not finish on " + file);
    }
    return parse(new String(out, StandardCharsets.UTF_8));
  }

  static List<Event> parse(String text) {
    List<Event> events = new ArrayList<>();
    int at = text.indexOf("<Event xmlns");
    while (at >= 0) {
      int end = text.indexOf("\n</Event>", at);
      int stop = end < 0 ? text.length() : end + 9;
      events.add(event(text.substring(at, stop)));
      at = text.indexOf("<Event xmlns", stop);
    }
    return events;
  }

  private static Event event(String xml) {
    Node root = new Scanner(xml).document();
    Node system = root.child("System");
    Map<String, String> fields = new LinkedHashMap<>();
    Node eventData = root.child("EventData");
    if (eventData != null) {
      int unnamed = 0;
      for (Node data : eventData.children) {
        String name = data.attrs.get("Name");
        if (name == null || name.isEmpty()) {
          name = data.name;
          if (name.equals("Data")) {
            unnamed++;
            name = unnamed == 1 ? "Data" : "Data" + unnamed;
          }
        }
        fields.put(name, data.text);
      }
    }
    Node userData = root.child("UserData");
    if (userData != null) {
      for (Node child : userData.children) {
        leaves(child, fields);
      }
    }
    String time = system == null ? null : attr(system.child("TimeCreated"), "SystemTime");
    return new Event(Long.parseLong(text(system, "EventRecordID")), text(system, "EventID"), time,
        text(system, "Computer"), text(system, "Channel"), attr(system == null ? null : system.child("Provider"), "Name"), fields,
        xml);
  }

  private static void leaves(Node n, Map<String, String> fields) {
    if (n.children.isEmpty()) {
      fields.put(n.name, n.text);
    }
    for (Node c : n.children) {
      leaves(c, fields);
    }
  }

  private static String text(Node parent, String name) {
    Node n = parent == null ? null : parent.child(name);
    return n == null ? "" : n.text;
  }

  private static String attr(Node n, String name) {
    return n == null ? "" : n.attrs.getOrDefault(name, "");
  }

  /** An element as printed. */
  static final class Node {
    final String name;
    final Map<String, String> attrs = new LinkedHashMap<>();
    final List<Node> children = new ArrayList<>();
    String text = "";

    Node(String name) {
      this.name = name;
    }

    Node child(String n) {
      for (Node c : children) {
        if (c.name.equals(n)) {
          return c;
        }
      }
      return null;
    }
  }

  /** A forgiving scanner of evtxexport's XML. */
  private static final class Scanner {
    private final String s;
    private int pos;

    Scanner(String s) {
      this.s = s;
    }

    Node document() {
      Node root = new Node("#root");
      element(root, 0);
      return root.children.isEmpty() ? root : root.children.get(0);
    }

    /** Reads the content of {@code parent} up to its end tag. */
    private void element(Node parent, int depth) {
      StringBuilder text = new StringBuilder();
      while (pos < s.length()) {
        int lt = s.indexOf('<', pos);
        if (lt < 0) {
          pos = s.length();
          break;
        }
        text.append(s, pos, lt);
        int gt = s.indexOf('>', lt);
        if (gt < 0) {
          pos = s.length();
          break;
        }
        String tag = s.substring(lt + 1, gt);
        pos = gt + 1;
        if (tag.startsWith("/")) {
          break;
        }
        Node child = new Node(tagName(tag));
        attributes(tag, child.attrs);
        parent.children.add(child);
        if (tag.endsWith("/")) {
          continue;
        }
        if (depth == 2 && child.name.equals("Data")) { // EventData/Data: value kept as printed
          int close = s.indexOf("</Data>", pos);
          child.text = unescape(s.substring(pos, close < 0 ? s.length() : close));
          pos = close < 0 ? s.length() : close + 7;
        } else {
          element(child, depth + 1);
        }
      }
      parent.text = parent.children.isEmpty() ? unescape(text.toString()) : "";
    }

    private static String tagName(String tag) {
      int end = 0;
      while (end < tag.length() && !Character.isWhitespace(tag.charAt(end)) && tag.charAt(end) != '/') {
        end++;
      }
      return tag.substring(0, end);
    }

    private static void attributes(String tag, Map<String, String> out) {
      int i = tagName(tag).length();
      while (true) {
        int eq = tag.indexOf("=\"", i);
        if (eq < 0) {
          return;
        }
        int close = tag.indexOf('"', eq + 2);
        if (close < 0) {
          return;
        }
        out.put(tag.substring(i, eq).trim(), unescape(tag.substring(eq + 2, close)));
        i = close + 1;
      }
    }
  }

  static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i) : -1;
      if (semi < 0 || semi - i > 10) {
        b.append(c);
        continue;
      }
      String ent = s.substring(i + 1, semi);
      String rep = switch (ent) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> charRef(ent);
      };
      if (rep == null) {
        b.append(c);
      } else {
        b.append(rep);
        i = semi;
      }
    }
    return b.toString();
  }

  private static String charRef(String ent) {
    try {
      if (ent.startsWith("#x")) {
        return String.valueOf((char) Integer.parseInt(ent.substring(2), 16));
      } else if (ent.startsWith("#")) {
        return String.valueOf((char) Integer.parseInt(ent.substring(1)));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }
}
