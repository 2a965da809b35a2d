package org.sysmontriage.detect.sigma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The rule cache's compact form of a condition: a text or value test that several rules share is
 * stored once in the file's tables, read back into one registry id, never rebuilt when the registry
 * holds its key already; a reference outside the tables is an IOException (a cache miss), never an
 * index error.
 */
class ConditionCodecTest {
  private static String rule(String id, String image) {
    return """
        title: Rule %s
        id: %s
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\\\%s'
            CommandLine|re: 'lsass.*\\.dmp'
            CommandLine|contains|all: ['-ma', 'lsass']
            DestinationIp|cidr: '10.0.0.0/8'
            EventID|gte: 10
          filter:
            User|contains: 'AUTHORI'
          condition: sel and not 1 of filter*
        """.formatted(id, id, image);
  }

  private static Node compile(Registry registry, String text) throws Exception {
    return new SigmaCompiler(registry).compile(YamlTreeReader.readAll(text).get(0)).condition();
  }

  /** {body, tables} of a condition written alone: texts and tests in order of first use. */
  private static byte[][] alone(Node n, Registry r) throws IOException {
    CacheOutput out = new CacheOutput();
    ConditionCodec.write(out, n, r);
    byte[] body = out.takeBody();
    return new byte[][] {body, out.tables()};
  }

  /** The condition in the cache's form, written alone, so equal conditions give equal text. */
  private static String canonical(Node n, Registry r) throws IOException {
    byte[][] written = alone(n, r);
    return HexFormat.of().formatHex(written[1]) + " " + HexFormat.of().formatHex(written[0]);
  }

  @Test
  void sharedTextsAndTestsAreStoredOnceAndReadBackAsTheCompiledCondition() throws Exception {
    Registry compiled = new Registry();
    Node a = compile(compiled, rule("a", "procdump.exe"));
    Node b = compile(compiled, rule("b", "procdump.exe"));
    Node c = compile(compiled, rule("c", "dump64.exe"));
    CacheOutput out = new CacheOutput();
    ConditionCodec.write(out, a, compiled);
    byte[] bodyA = out.takeBody();
    ConditionCodec.write(out, b, compiled);
    byte[] bodyB = out.takeBody();
    ConditionCodec.write(out, c, compiled);
    byte[] bodyC = out.takeBody();
    assertArrayEquals(bodyA, bodyB, "the same texts and tests: the same table indexes");
    assertNotEquals(HexFormat.of().formatHex(bodyA), HexFormat.of().formatHex(bodyC));
    byte[] tables = out.tables();
    CacheTables t = new CacheTables(new CacheInput(tables, 0, tables.length), tables, new Registry());
    CacheInput in = new CacheInput(tables, 0, tables.length);
    assertEquals(compiled.tests().size(), countOfTests(in), "one table item per distinct test of the three rules");

    Registry loaded = new Registry();
    CacheTables tablesLoaded = new CacheTables(new CacheInput(tables, 0, tables.length), tables, loaded);
    Node ra = ConditionCodec.read(new CacheInput(bodyA, 0, bodyA.length), tablesLoaded, loaded);
    Node rb = ConditionCodec.read(new CacheInput(bodyB, 0, bodyB.length), tablesLoaded, loaded);
    Node rc = ConditionCodec.read(new CacheInput(bodyC, 0, bodyC.length), tablesLoaded, loaded);
    assertEquals(ra, rb, "read into the same slots and test ids");
    assertEquals(compiled.tests().size(), loaded.tests().size(), "each test built once");
    assertEquals(canonical(a, compiled), canonical(ra, loaded));
    assertEquals(canonical(c, compiled), canonical(rc, loaded));
    assertEquals(t.text(0), new CacheTables(new CacheInput(tables, 0, tables.length), tables, loaded).text(0));
  }

  @Test
  void aTestWhoseKeyTheRegistryHoldsIsNotRebuilt() throws Exception {
    Registry compiled = new Registry();
    Node a = compile(compiled, rule("a", "procdump.exe"));
    byte[][] written = alone(a, compiled);
    byte[] body = written[0];
    byte[] tables = written[1];
    Registry loaded = new Registry();
    ValueTest held = compiled.testAt(0);
    int id = loaded.test(held);
    Node read = ConditionCodec.read(new CacheInput(body, 0, body.length),
        new CacheTables(new CacheInput(tables, 0, tables.length), tables, loaded), loaded);
    assertSame(held, loaded.testAt(id), "the registered test is kept");
    assertEquals(compiled.tests().size(), loaded.tests().size());
    assertEquals(canonical(a, compiled), canonical(read, loaded));
  }

  @Test
  void aReferenceOutsideTheTablesIsAnIoException() throws Exception {
    Registry compiled = new Registry();
    byte[] body = alone(compile(compiled, rule("a", "procdump.exe")), compiled)[0];
    CacheOutput empty = new CacheOutput();
    byte[] none = empty.tables();
    Registry loaded = new Registry();
    CacheTables t = new CacheTables(new CacheInput(none, 0, none.length), none, loaded);
    assertThrows(IOException.class, () -> ConditionCodec.read(new CacheInput(body, 0, body.length), t, loaded));
    assertThrows(IOException.class, () -> ConditionCodec.read(new CacheInput(body, 0, body.length / 2), t, loaded));
  }

  private static int countOfTests(CacheInput in) throws IOException {
    int strings = in.readVarCount();
    for (int i = 0; i < strings; i++) {
      in.skip(in.readVarint());
    }
    return in.readVarCount();
  }
}
