package org.sysmontriage.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sysmontriage.detect.correlation.CorrelationRule;
import org.sysmontriage.detect.sigma.Registry;
import org.sysmontriage.detect.sigma.RuleException;
import org.sysmontriage.detect.sigma.SigmaCompiler;
import org.sysmontriage.detect.sigma.SigmaRule;
import org.sysmontriage.detect.sigma.YamlNode;
import org.sysmontriage.detect.sigma.YamlTreeReader;

/** Loads rule files (every YAML document in them), collecting errors instead of stopping. */
final class RuleFileLoader {
  static final String RESOURCE_DIR = "/org/sysmontriage/detect/rules/";
  private static final long MAX_RULE_FILE = 4L << 20;

  private final SigmaCompiler compiler;
  final List<LoadedRule> rules = new ArrayList<>();
  final List<RuleError> errors = new ArrayList<>();
  final List<CorrelationRule> correlations = new ArrayList<>();
  private final java.util.Set<String> ids = new java.util.HashSet<>();
  /** A base rule's Sigma {@code name} -> its id (correlations may refer to either). */
  final Map<String, String> idByName = new HashMap<>();

  RuleFileLoader(Registry registry) {
    this.compiler = new SigmaCompiler(registry);
  }

  /** The built-in rules listed in the resource folder's index.txt. */
  void loadBuiltIn() {
    String index = resource("index.txt");
    if (index == null) {
      errors.add(new RuleError(RESOURCE_DIR + "index.txt", 0, "built-in rule index is missing from the application"));
      return;
    }
    for (String name : index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      String text = resource(name);
      if (text == null) {
        errors.add(new RuleError(RESOURCE_DIR + name, 0, "listed in index.txt but missing"));
      } else {
        loadText(name, text, true);
      }
    }
  }

  /** A rule file, or every .yml / .yaml file under a folder. */
  void loadPath(Path p) {
    if (Files.isDirectory(p)) {
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(Files::isRegularFile).filter(RuleFileLoader::isYaml).sorted().forEach(this::loadFile);
      } catch (IOException e) {
        errors.add(new RuleError(p.toString(), 0, "cannot list the rule folder: " + e.getMessage()));
      }
    } else if (Files.isRegularFile(p)) {
      loadFile(p);
    } else {
      errors.add(new RuleError(p.toString(), 0, "no such rule file or folder"));
    }
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  private void loadFile(Path p) {
    try {
      if (Files.size(p) > MAX_RULE_FILE) {
        errors.add(new RuleError(p.toString(), 0, "rule file larger than 4 MiB; not read"));
        return;
      }
      byte[] bytes = Files.readAllBytes(p);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      try {
        loadText(p.toString(), StandardCharsets.UTF_8.newDecoder().decode(in).toString(), false);
      } catch (CharacterCodingException e) {
        errors.add(new RuleError(p.toString(), lineAt(bytes, in.position()),
            "not UTF-8 text at byte offset " + in.position() + " (a Sigma rule in YAML was expected)"));
      }
    } catch (IOException e) {
      errors.add(new RuleError(p.toString(), 0, "cannot read the rule file: " + e.getMessage()));
    }
  }

  /** The 1-based line holding byte {@code at}. */
  private static int lineAt(byte[] bytes, int at) {
    int line = 1;
    for (int i = 0; i < at && i < bytes.length; i++) {
      line += bytes[i] == '\n' ? 1 : 0;
    }
    return line;
  }

  void loadText(String source, String text, boolean builtIn) {
    List<YamlNode> docs;
    try {
      docs = YamlTreeReader.readAll(text);
    } catch (YamlTreeReader.SyntaxError e) {
      errors.add(new RuleError(source, e.line(), e.getMessage()));
      return;
    }
    for (YamlNode doc : docs) {
      if (doc.value() == null) {
        continue; // an empty document (a trailing ---)
      }
      try {
        if (CorrelationRule.isCorrelation(doc)) {
          correlations.add(CorrelationRule.parse(doc, source));
          continue;
        }
        SigmaRule rule = compiler.compile(doc);
        String name = doc.text("name", "").trim();
        if (!name.isEmpty()) {
          idByName.put(name, rule.id());
        }
        if (!ids.add(rule.id())) {
          throw new RuleException("another rule already has the id '" + rule.id() + "'", doc.get("id"));
        }
        rules.add(RuleMetadata.read(rule, source, text, builtIn));
      } catch (RuleException e) {
        errors.add(new RuleError(source, e.line(), e.getMessage()));
      }
    }
  }

  private static String resource(String name) {
    try (InputStream in = RuleFileLoader.class.getResourceAsStream(RESOURCE_DIR + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
