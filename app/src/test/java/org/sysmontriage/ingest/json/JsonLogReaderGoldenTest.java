package org.sysmontriage.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hand-written input under {@code src/test/resources/org/sysmontriage/ingest/json/} reads to
 * exactly its {@code .golden} text (canonical events, dialect, issues). Regenerate with
 * {@code mvn -o test -Dtest=JsonLogReaderGoldenTest -Dgolden.update=true} and review the diff.
 */
class JsonLogReaderGoldenTest {
  private static final String SOURCE_DIR = "src/test/resources/org/sysmontriage/ingest/json";

  static Stream<String> inputs() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(resourceDir())) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".ndjson") || n.endsWith(".json"))
          .sorted()
          .toList();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void readsEachDialectToItsGoldenCanonicalEvents(String input) throws Exception {
    String actual = CanonicalDump.read(new JsonLogReader(1), resourceDir().resolve(input)).render();
    String golden = input.substring(0, input.lastIndexOf('.')) + ".golden";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(Path.of(SOURCE_DIR, golden), actual, StandardCharsets.UTF_8);
      return;
    }
    Path expected = resourceDir().resolve(golden);
    assertTrue(Files.exists(expected), "missing " + golden + ": run with -Dgolden.update=true");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
  }

  static Path resourceDir() throws URISyntaxException {
    return Path.of(JsonLogReaderGoldenTest.class.getResource("winlogbeat6.ndjson").toURI()).getParent();
  }
}
