package org.sysmontriage.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A JSON generator for strings from logs: a lone UTF-16 surrogate (damaged or hostile input)
 * becomes U+FFFD instead of failing the whole report. Escaping itself is Jackson's.
 */
final class SafeJsonGenerator extends JsonGeneratorDelegate {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SafeJsonGenerator(JsonGenerator d) {
    super(d, true);
  }

  /** A pretty-printing UTF-8 generator that leaves the stream open. */
  static JsonGenerator over(OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    return new SafeJsonGenerator(g);
  }

  @Override
  public void writeString(String text) throws IOException {
    super.writeString(text == null ? null : wellFormed(text));
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    super.writeFieldName(wellFormed(name));
  }

  /** The string with every unpaired surrogate replaced by U+FFFD. */
  static String wellFormed(String s) {
    StringBuilder b = null;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      boolean bad = Character.isHighSurrogate(c) ? i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
      if (bad && b == null) {
        b = new StringBuilder(s.substring(0, i));
      }
      if (b != null) {
        b.append(bad ? '\uFFFD' : c);
      }
    }
    return b == null ? s : b.toString();
  }
}
