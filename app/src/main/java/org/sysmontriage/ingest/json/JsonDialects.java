package org.sysmontriage.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dialect table ({@code dialects.json} beside this class): which keys identify a dialect and
 * how its fields map onto canonical events. Loaded once; immutable.
 */
final class JsonDialects {
  private static final String RESOURCE = "dialects.json";
  private static volatile JsonDialects standard;

  final List<Dialect> dialects;
  final String sysmonProvider;
  /** Top-level keys whose (long, seldom needed) string values are decoded only on demand. */
  final Set<String> deferredKeys;
  /** Paths of record arrays inside a wrapper document -> the key prefix their elements need. */
  final Map<String, String> recordPaths;
  private final Map<String, String> channelsByLowerCase;
  private final DialectDetector detector;

  private JsonDialects(List<Dialect> dialects, String sysmonProvider, Set<String> deferredKeys,
      Map<String, String> recordPaths, Map<String, String> channels) {
    this.dialects = dialects;
    this.recordPaths = recordPaths;
    this.sysmonProvider = sysmonProvider;
    this.deferredKeys = deferredKeys;
    this.channelsByLowerCase = channels;
    this.detector = new DialectDetector(dialects);
  }

  static JsonDialects standard() {
    JsonDialects d = standard;
    if (d == null) {
      try (InputStream in = JsonDialects.class.getResourceAsStream(RESOURCE)) {
        d = parse(new ObjectMapper().readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      standard = d;
    }
    return d;
  }

  /** The first dialect whose detect keys the record holds, or null. */
  Dialect detect(FlatRecord rec) {
    return detector.detect(rec);
  }

  /** A well-known channel in its canonical case ({@code security} -> {@code Security}). */
  String channel(String raw) {
    String canonical = channelsByLowerCase.get(raw.toLowerCase(Locale.ROOT));
    return canonical == null ? raw : canonical;
  }

  boolean isSysmon(String provider, String channel) {
    return provider.equalsIgnoreCase(sysmonProvider) || channel.regionMatches(true, 0, sysmonProvider, 0, sysmonProvider.length());
  }

  private static JsonDialects parse(JsonNode root) {
    Map<String, String> channels = new HashMap<>();
    for (JsonNode c : root.path("wellKnownChannels")) {
      channels.put(c.asText().toLowerCase(Locale.ROOT), c.asText());
    }
    Map<String, EcsMap> ecsByName = new HashMap<>();
    for (JsonNode d : root.path("dialects")) {
      ecsByName.put(d.path("name").asText(), ecs(d));
    }
    List<Dialect> dialects = new ArrayList<>();
    for (JsonNode d : root.path("dialects")) {
      dialects.add(dialect(d, dialects.size(), ecsByName));
    }
    return new JsonDialects(List.copyOf(dialects), root.path("sysmonProvider").asText(),
        Set.copyOf(strings(root.path("decodeOnDemand"))), Map.copyOf(stringMap(root.path("recordArrays"))), channels);
  }

  private static Dialect dialect(JsonNode d, int index, Map<String, EcsMap> ecsByName) {
    List<List<String>> detect = new ArrayList<>();
    for (JsonNode alt : d.path("detect")) {
      detect.add(strings(alt));
    }
    List<List<String>> system = List.of(strings(d.path("eventId")), strings(d.path("time")),
        strings(d.path("computer")), strings(d.path("channel")), strings(d.path("provider")),
        strings(d.path("recordId")));
    EcsMap ecs = ecsByName.get(d.path("name").asText());
    if (d.has("ecsFrom")) {
      ecs = EcsMap.merge(ecsByName.getOrDefault(d.path("ecsFrom").asText(), EcsMap.EMPTY), ecs);
    }
    Map<String, Set<String>> dropValues = new HashMap<>();
    d.path("dropValues").fields().forEachRemaining(e -> dropValues.put(e.getKey(), Set.copyOf(strings(e.getValue()))));
    return new Dialect(d.path("name").asText(), index, detect, d.path("flat").asBoolean(), system,
        strings(d.path("eventData")), strings(d.path("message")), strings(d.path("sources")), ecs,
        strings(d.path("drop")), dropValues);
  }

  private static EcsMap ecs(JsonNode d) {
    Map<String, String> common = stringMap(d.path("ecs"));
    Map<Integer, Map<String, String>> by = new HashMap<>();
    d.path("byEventId").fields().forEachRemaining(e -> by.put(Integer.parseInt(e.getKey()), stringMap(e.getValue())));
    return new EcsMap(common, by);
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText().intern());
    }
    return List.copyOf(out);
  }
}
