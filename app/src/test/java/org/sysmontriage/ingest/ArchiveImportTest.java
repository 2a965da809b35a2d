package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.ingest.ImporterTestSupport.listing;
import static org.sysmontriage.ingest.ImporterTestSupport.names;
import static org.sysmontriage.ingest.ImporterTestSupport.run;
import static org.sysmontriage.ingest.ImporterTestSupport.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.SourceInfo;

class ArchiveImportTest {
  @TempDir
  Path dir;

  private String write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes).toString();
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsZipMembersInPlaceAndSkipsMacJunkAndFolders() throws Exception {
    String zip = write("logs.zip", Archives.zip("a.json", "{1}\n{2}\n", "sub/", "", "sub/b.xml", "<e/>\n",
        "__MACOSX/._a.json", "\0\5\26\7junk", "._c.json", "\0\5junk"));
    String before = listing(dir);

    ImportResult r = run(zip);

    assertEquals(List.of(zip + "::a.json", zip + "::sub/b.xml"), names(r));
    assertEquals(2, source(r, zip + "::a.json").events());
    assertEquals("xml", source(r, zip + "::sub/b.xml").format());
    assertEquals(sha256("{1}\n{2}\n"), source(r, zip + "::a.json").sha256());
    assertEquals(3, r.store().size());
    assertFalse(r.damaged());
    assertEquals(before, listing(dir), "nothing may be written beside the evidence");
  }

  @Test
  void memberNamesThatClimbOutAreOnlyNamesNeverPaths() throws Exception {
    Path evidence = Files.createDirectory(dir.resolve("evidence"));
    String zip = Files.write(evidence.resolve("evil.zip"), Archives.zip("../../escaped.json", "{1}\n", "/abs/x.json", "{2}\n")).toString();
    String before = listing(dir);

    ImportResult r = run(zip);

    assertEquals(List.of(zip + "::../../escaped.json", zip + "::abs/x.json"), names(r));
    assertEquals(2, r.store().size());
    assertEquals(before, listing(dir));
  }

  @Test
  void readsTarGzWithPaxHeadersAndGnuLongNames() throws Exception {
    String longName = "datasets/" + "x".repeat(120) + "/events.json";
    byte[] tar = new Archives.Tar()
        .pax("LIBARCHIVE.creationtime", "1602963006", "SCHILY.dev", "66306", "SCHILY.ino", "1234")
        .file("short.json", "{a}\n{b}\n{c}\n")
        .pax("path", longName, "SCHILY.nlink", "1")
        .file("truncated-name", "{d}\n")
        .gnuLongName("gnu/" + "y".repeat(110) + ".json")
        .file("gnu-truncated", "{e}\n")
        .dir("folder/")
        .bytes();
    String tgz = write("data.tar.gz", Archives.gzip(tar));

    ImportResult r = run(tgz);

    assertEquals(List.of(tgz + "::short.json", tgz + "::" + longName, tgz + "::gnu/" + "y".repeat(110) + ".json"), names(r));
    assertEquals(3, source(r, tgz + "::short.json").events());
    assertEquals(sha256("{d}\n"), source(r, tgz + "::" + longName).sha256());
    assertFalse(r.damaged());
  }

  @Test
  void readsPlainTarAndGzip() throws Exception {
    String tar = write("plain.tar", new Archives.Tar().file("./a.json", "{1}\n").bytes());
    String gz = write("events.json.gz", Archives.gzip("{1}\n{2}\n".getBytes(StandardCharsets.UTF_8)));

    ImportResult r = run(tar, gz);

    assertEquals(List.of(tar + "::a.json", gz + "::events.json"), names(r));
    assertEquals(2, source(r, gz + "::events.json").events());
    assertEquals(sha256("{1}\n{2}\n"), source(r, gz + "::events.json").sha256());
  }

  @Test
  void readsOneLevelOfNestedArchives() throws Exception {
    byte[] inner = Archives.zip("inner.json", "{1}\n");
    byte[] twice = Archives.zip("deep.json", "{1}\n");
    String outer = write("outer.zip", nestedZip(inner));
    String tooDeep = write("deep.zip", nestedZip(nestedZip(twice)));

    ImportResult r = run(outer, tooDeep);

    assertEquals(1, source(r, outer + "::inner.zip::inner.json").events());
    SourceInfo deep = source(r, tooDeep + "::inner.zip::inner.zip");
    assertTrue(deep.issues().get(0).message().contains("nested more than 1 level"), deep.issues().toString());
  }

  private static byte[] nestedZip(byte[] inner) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("inner.zip"));
      z.write(inner);
      z.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void readsLegacyZipMemberNamesAsCp437() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes, java.nio.charset.Charset.forName("IBM437"))) {
      z.putNextEntry(new ZipEntry("caf\u00e9 \u00e4.json"));
      z.write("{1}\n".getBytes(StandardCharsets.UTF_8));
    }
    String zip = write("legacy.zip", bytes.toByteArray());

    ImportResult r = run(zip);

    assertEquals(1, source(r, zip + "::caf\u00e9 \u00e4.json").events());
  }

  @Test
  void refusesAZipBombNamingTheMember() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("ok.json"));
      z.write("{1}\n".getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("bomb.json"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.putNextEntry(new ZipEntry("after.json"));
      z.write("{2}\n".getBytes(StandardCharsets.UTF_8));
    }
    String zip = write("bomb.zip", bytes.toByteArray());

    ImportResult r = run(zip);

    SourceInfo bomb = source(r, zip + "::bomb.json");
    assertEquals("unknown", bomb.format());
    assertTrue(bomb.issues().get(0).message().contains("expands more than 200 times"), bomb.issues().toString());
    assertEquals(1, source(r, zip + "::ok.json").events());
    assertTrue(r.damaged());
  }

  @Test
  void stopsAtTheImportWideExpansionLimit() throws Exception {
    char[] text = new char[4000];
    Arrays.fill(text, 'x');
    String zip = write("big.zip", Archives.zip("a.json", "{" + new String(text) + "}\n", "b.json", "{" + new String(text) + "}\n"));

    ImportResult r = run(ImportOptions.defaults().withLimits(6000, 200, 1 << 20), zip);

    assertEquals(1, source(r, zip + "::a.json").events());
    assertTrue(source(r, zip + "::b.json").issues().get(0).message().contains("in total"));
  }

  @Test
  void keepsGoodMembersOfATruncatedZip() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      big.append("{\"n\":").append(i * 7919 % 10007).append("}\n");
    }
    byte[] zip = Archives.zip("good.json", "{1}\n{2}\n", "cut.json", big.toString());
    String path = write("cut.zip", Arrays.copyOf(zip, zip.length * 2 / 3));

    ImportResult r = run(path);

    assertEquals(2, source(r, path + "::good.json").events());
    SourceInfo cut = source(r, path + "::cut.json");
    assertTrue(cut.issues().get(0).message().contains("breaks inside this member"), cut.issues().toString());
    assertTrue(r.damaged());
  }

  @Test
  void keepsTheReadableStartOfATruncatedTarGz() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      big.append("{\"n\":").append(i * 7919 % 10007).append("}\n");
    }
    byte[] tgz = Archives.gzip(new Archives.Tar().file("first.json", "{1}\n").file("second.json", big.toString()).bytes());
    String path = write("cut.tar.gz", Arrays.copyOf(tgz, tgz.length / 2));

    ImportResult r = run(path);

    assertEquals(1, source(r, path + "::first.json").events());
    SourceInfo cut = source(r, path + "::second.json");
    assertTrue(cut.events() > 1000, "the lines before the break are read: " + cut.events());
    assertTrue(cut.issues().get(0).message().contains("the file is truncated"), cut.issues().toString());
    assertTrue(r.damaged());
  }

  @Test
  void aDamagedArchiveHeaderIsAnIssueNotACrash() throws Exception {
    byte[] tar = new Archives.Tar().file("a.json", "{1}\n").bytes();
    tar[100] = 'Z'; // breaks the header checksum
    String path = write("bad.tar", tar);

    ImportResult r = run(path);

    SourceInfo s = source(r, path);
    assertNotNull(s);
    assertTrue(s.issues().get(0).message().contains("damaged tar archive"), s.issues().toString());
    assertTrue(r.damaged());
  }
}
