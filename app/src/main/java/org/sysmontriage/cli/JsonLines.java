package org.sysmontriage.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** JSON Lines output: one compact object per line, streamed through Jackson's generator. */
final class JsonLines {
  private static final JsonFactory FACTORY = new JsonFactory().setRootValueSeparator(null);

  private JsonLines() {}

  /** A generator writing to {@code out}; call {@link #endLine} after each root object. */
  static JsonGenerator generator(Writer out) {
    try {
      JsonGenerator g = FACTORY.createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void endLine(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }
}
