package org.sysmontriage.ingest.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.sysmontriage.event.TriageException;

/** Re-reads the JSON text of one record, as stored, from the byte offset where it starts. */
final class RawRecordReader {
  private RawRecordReader() {}

  static String read(Path file, long offset) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (offset < 0 || offset >= ch.size()) {
        throw new TriageException("no JSON record at byte offset " + offset + " of " + file);
      }
      byte[] buf = new byte[64 * 1024];
      int len = 0;
      while (true) {
        int n = ch.read(ByteBuffer.wrap(buf, len, buf.length - len), offset + len);
        if (n > 0) {
          len += n;
        }
        int end = buf[0] == '{' || buf[0] == '[' ? ObjectScanner.endOfValue(buf, 0, len) : -1;
        if (end < 0 && buf[0] != '{' && buf[0] != '[') {
          end = lineEnd(buf, len);
        }
        if (end >= 0) {
          return new String(buf, 0, end, StandardCharsets.UTF_8);
        }
        if (n <= 0 || len >= JsonLimits.MAX_RECORD_BYTES) {
          return new String(buf, 0, len, StandardCharsets.UTF_8);
        }
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, Math.min(buf.length * 2, JsonLimits.MAX_RECORD_BYTES));
        }
      }
    }
  }

  private static int lineEnd(byte[] b, int len) {
    int nl = ObjectScanner.indexOf(b, (byte) '\n', 0, len);
    return nl < 0 ? -1 : nl;
  }
}
