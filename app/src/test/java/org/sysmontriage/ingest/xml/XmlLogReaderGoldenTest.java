package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysmontriage.event.EventDraft;

/**
 * Each dialect's hand-written input against its expected canonical output ({@code NAME.golden}).
 * {@code -Dgolden.update=true} rewrites the golden files from what the reader produces now.
 */
class XmlLogReaderGoldenTest {
  static final Path SOURCE_DIR = Path.of("src/test/resources/org/sysmontriage/ingest/xml");

  @ParameterizedTest
  @ValueSource(strings = {"event-viewer", "splunk", "wevtutil-utf16", "evtx-xml", "malformed"})
  void readsDialectAsItsGoldenFileSays(String name) throws Exception {
    XmlReadResult result = XmlReadResult.read(resource(name + ".xml"));
    String actual = result.canonical();
    Path golden = SOURCE_DIR.resolve(name + ".golden");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden " + golden + " (regenerate with -Dgolden.update=true)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"event-viewer", "splunk", "wevtutil-utf16", "evtx-xml", "malformed"})
  void rawRecordIsTheEventElementAtItsOffset(String name) throws Exception {
    Path file = resource(name + ".xml");
    XmlReadResult result = XmlReadResult.read(file);
    XmlLogReader reader = new XmlLogReader();
    for (EventDraft d : result.events()) {
      String raw = reader.readRaw(file, d.rawOffset);
      assertTrue(raw.startsWith("<Event") && raw.endsWith("</Event>"), raw);
      assertTrue(raw.contains(">" + d.recordId + "</EventRecordID>"), raw);
    }
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(XmlLogReaderGoldenTest.class.getResource(name).toURI());
  }
}
