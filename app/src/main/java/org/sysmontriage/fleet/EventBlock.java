package org.sysmontriage.fleet;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.sysmontriage.event.EventDraft;

/**
 * The events one piece read for one host, on their way to the task that analyses the host, as one
 * compact byte array: Spark moves and sizes a few arrays per piece instead of an object per event
 * and field (which cost a third of the job in Java serialization and Spark's size estimates). Every
 * string (log name, channel, provider, field name, value) is written once per block and then
 * referred to by number; numbers are variable-length. Strings round-trip exactly, unpaired
 * surrogates included.
 *
 * @param file the input's place among all inputs
 * @param part the piece's place within its input: blocks are filed by (file, part), their events in reading order
 * @param events how many events the block holds
 */
record EventBlock(int file, int part, int events, byte[] data) implements Serializable {

  /** Receives the decoded events with the name of the log each came from. */
  @FunctionalInterface
  interface Sink {
    void accept(EventDraft draft, String source);
  }

  /** Writes the events of one host read by one piece. */
  static final class Writer {
    private final int file;
    private final int part;
    private final Map<String, Integer> strings = new HashMap<>();
    private byte[] buf = new byte[4096];
    private int size;
    private int events;

    Writer(int file, int part) {
      this.file = file;
      this.part = part;
    }

    void add(EventDraft d, String source) {
      events++;
      string(source);
      varlong(zigzag(d.eventId));
      varlong(zigzag(d.ticks));
      string(d.computer);
      string(d.channel);
      string(d.provider);
      varlong(zigzag(d.recordId));
      varlong(zigzag(d.rawOffset));
      int n = d.fieldCount();
      varlong(n);
      for (int i = 0; i < n; i++) {
        string(d.name(i));
        string(d.value(i));
      }
    }

    EventBlock finish() {
      return new EventBlock(file, part, events, Arrays.copyOf(buf, size));
    }

    /** A string seen before as its number + 1; a new one as 0, then its length and chars. */
    private void string(String s) {
      Integer id = strings.get(s);
      if (id != null) {
        varlong(id + 1L);
        return;
      }
      strings.put(s, strings.size());
      varlong(0);
      int n = s.length();
      boolean latin1 = true;
      for (int i = 0; i < n && latin1; i++) {
        latin1 = s.charAt(i) < 256;
      }
      varlong(((long) n << 1) | (latin1 ? 0 : 1));
      if (latin1) {
        room(n);
        s.getBytes(0, n, buf, size); // exact for chars below 256: one byte each
        size += n;
      } else {
        room(2 * n);
        for (int i = 0; i < n; i++) {
          char c = s.charAt(i);
          buf[size++] = (byte) (c >>> 8);
          buf[size++] = (byte) c;
        }
      }
    }

    private void varlong(long v) {
      room(10);
      while ((v & ~0x7FL) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    private void room(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }
  }

  /** Hands every event of the block to {@code sink}, in the order they were read. */
  void read(Sink sink) {
    Reader r = new Reader(data);
    EventDraft d = new EventDraft();
    for (int e = 0; e < events; e++) {
      d.clear();
      String source = r.string();
      d.eventId = (int) unzigzag(r.varlong());
      d.ticks = unzigzag(r.varlong());
      d.computer = r.string();
      d.channel = r.string();
      d.provider = r.string();
      d.recordId = unzigzag(r.varlong());
      d.rawOffset = unzigzag(r.varlong());
      int n = (int) r.varlong();
      for (int i = 0; i < n; i++) {
        d.field(r.string(), r.string());
      }
      sink.accept(d, source);
    }
  }

  private static final class Reader {
    private final byte[] data;
    private int at;
    private String[] strings = new String[256];
    private int count;

    Reader(byte[] data) {
      this.data = data;
    }

    String string() {
      long id = varlong();
      if (id > 0) {
        return strings[(int) (id - 1)];
      }
      long head = varlong();
      int n = (int) (head >>> 1);
      String s;
      if ((head & 1) == 0) {
        s = new String(data, at, n, StandardCharsets.ISO_8859_1);
        at += n;
      } else {
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
          chars[i] = (char) (((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF));
          at += 2;
        }
        s = new String(chars);
      }
      if (count == strings.length) {
        strings = Arrays.copyOf(strings, count * 2);
      }
      strings[count++] = s;
      return s;
    }

    long varlong() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = data[at++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
