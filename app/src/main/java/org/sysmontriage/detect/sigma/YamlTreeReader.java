package org.sysmontriage.detect.sigma;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every YAML document of a text into {@link YamlNode} trees that keep line numbers. */
public final class YamlTreeReader {
  private static final int MAX_DEPTH = 64;
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  /** A YAML syntax error at a line. */
  public static final class SyntaxError extends Exception {
    private final int line;

    SyntaxError(String message, int line) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  private YamlTreeReader() {}

  /** All documents of {@code text}; stops at the first syntax error. */
  public static List<YamlNode> readAll(String text) throws SyntaxError {
    List<YamlNode> docs = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        docs.add(read(p, t, 0));
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new SyntaxError("YAML syntax error: " + e.getOriginalMessage(), at == null ? 0 : at.getLineNr());
    } catch (IOException e) {
      throw new SyntaxError("cannot read YAML: " + e.getMessage(), 0);
    }
    return docs;
  }

  private static YamlNode read(JsonParser p, JsonToken t, int depth) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          m.put(key, read(p, p.nextToken(), depth + 1));
        }
        return new YamlNode(m, line);
      }
      case START_ARRAY -> {
        List<YamlNode> l = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          l.add(read(p, next, depth + 1));
        }
        return new YamlNode(l, line);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new YamlNode(p.getText(), line);
      }
      case VALUE_TRUE -> {
        return new YamlNode(Boolean.TRUE, line);
      }
      case VALUE_FALSE -> {
        return new YamlNode(Boolean.FALSE, line);
      }
      case VALUE_NULL -> {
        return new YamlNode(null, line);
      }
      default -> {
        return new YamlNode(p.getText(), line);
      }
    }
  }
}
