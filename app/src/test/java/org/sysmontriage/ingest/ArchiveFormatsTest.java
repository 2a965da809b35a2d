package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.ingest.ImporterTestSupport.names;
import static org.sysmontriage.ingest.ImporterTestSupport.run;
import static org.sysmontriage.ingest.ImporterTestSupport.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.SourceInfo;

/** The archive kinds read through Commons Compress, and the zip variants collection tools write. */
class ArchiveFormatsTest {
  private static final String A = "{\"a\":1}\n{\"a\":2}\n";
  private static final String B = "{\"b\":1}\n";

  @TempDir Path dir;

  @Test
  void readsStoredZipMembersWithADataDescriptor() throws Exception {
    byte[] zip = new RawZip().entry("a.json", 0, A, true).entry("b.json", 0, B, true).end();
    String path = write("streamed.zip", zip);
    ImportResult r = run(path);
    assertEquals(List.of(path + "::a.json", path + "::b.json"), names(r));
    assertEquals(3, r.store().size(), r.sources().toString());
    assertFalse(r.damaged());
  }

  @Test
  void readsZip64() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(bytes)) {
      z.setUseZip64(Zip64Mode.Always);
      put(z, "a.json", A);
      put(z, "b.json", B);
    }
    String path = write("zip64.zip", bytes.toByteArray());
    ImportResult r = run(path);
    assertEquals(2, source(r, path + "::a.json").events());
    assertEquals(1, source(r, path + "::b.json").events());
    assertFalse(r.damaged());
  }

  @Test
  void namesAnEncryptedMemberAndReadsTheOthers() throws Exception {
    byte[] zip = new RawZip().entry("a.json", 0, A, false).entry("secret.json", 1, "\u0001\u0002garbled", false).entry("b.json", 0, B, false).end();
    String path = write("locked.zip", zip);
    ImportResult r = run(path);
    assertEquals(3, r.store().size());
    SourceInfo secret = source(r, path + "::secret.json");
    assertTrue(secret.issues().get(0).message().startsWith("an encrypted (password-protected) member, not read"), secret.issues().toString());
    assertTrue(r.damaged(), "evidence that was not read is reported as such");
  }

  @Test
  void namesTheFirstPartOfASplitZip() throws Exception {
    RawZip raw = new RawZip().spanMarker().entry("a.json", 0, A, false);
    byte[] cut = raw.partial("b.json", B + "x".repeat(5000), 100); // goes on in case.z02
    String path = write("case.z01", cut);
    ImportResult r = run(path);
    assertEquals(2, source(r, path + "::a.json").events());
    String issues = r.sources().toString();
    assertTrue(issues.contains("one part of a split (multi-volume) zip"), issues);
    assertTrue(r.damaged());
  }

  @Test
  void readsGnuSparseTarMembersWithTheirHoles() throws Exception {
    byte[] data = "{\"s\":1}\n".getBytes(StandardCharsets.US_ASCII);
    byte[] expanded = new byte[4096 + data.length];
    System.arraycopy(data, 0, expanded, 4096, data.length);
    String path = write("sparse.tar", gnuSparseTar("sparse.bin", data, 4096, expanded.length));
    ImportResult r = run(path);
    SourceInfo s = source(r, path + "::sparse.bin");
    assertEquals(expanded.length, s.sizeBytes(), "the hole is read as zeros");
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expanded)), s.sha256());
  }

  @Test
  void readsBzip2AndXzFilesAndTarsInsideThem() throws Exception {
    String bz = write("events.json.bz2", compress(BZip2CompressorOutputStream::new, A));
    // each archive holds its own bytes (a trailing blank line more): identical logs would be read once
    String xz = write("events.json.xz", compress(XZCompressorOutputStream::new, A + "\n"));
    String tbz = write("c.tar.bz2", compress(BZip2CompressorOutputStream::new, tar("logs/a.json", A + "\n\n", "logs/b.json", B)));
    String txz = write("c.tar.xz", compress(XZCompressorOutputStream::new, tar("logs/a.json", A + "\n\n\n", "logs/b.json", B + "\n")));
    ImportResult r = run(bz, xz, tbz, txz);
    assertEquals(List.of(bz + "::events.json", xz + "::events.json", tbz + "::logs/a.json", tbz + "::logs/b.json",
        txz + "::logs/a.json", txz + "::logs/b.json"), names(r));
    assertEquals(10, r.store().size());
    assertEquals(SniffedFormat.TAR_BZ2, FormatSniffer.sniff(Path.of(tbz)));
    assertEquals(SniffedFormat.TAR_XZ, FormatSniffer.sniff(Path.of(txz)));
    assertFalse(r.damaged());
  }

  @Test
  void reads7z() throws Exception {
    Path path = dir.resolve("collection.7z");
    try (SevenZOutputFile z = new SevenZOutputFile(path.toFile())) {
      put7z(z, "Logs/a.json", A);
      SevenZArchiveEntry folder = new SevenZArchiveEntry();
      folder.setName("Logs/empty");
      folder.setDirectory(true);
      z.putArchiveEntry(folder);
      z.closeArchiveEntry();
      put7z(z, "Logs/b.json", B);
    }
    ImportResult r = run(path.toString());
    assertEquals(List.of(path + "::Logs/a.json", path + "::Logs/b.json"), names(r));
    assertEquals(3, r.store().size());
    assertFalse(r.damaged());
  }

  @Test
  void refusesA7zBomb() throws Exception {
    Path path = dir.resolve("bomb.7z");
    try (SevenZOutputFile z = new SevenZOutputFile(path.toFile())) {
      put7z(z, "ok.json", B);
      SevenZArchiveEntry e = new SevenZArchiveEntry();
      e.setName("bomb.json");
      z.putArchiveEntry(e);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        z.write(zeros);
      }
      z.closeArchiveEntry();
    }
    ImportResult r = run(path.toString());
    assertEquals(1, source(r, path + "::ok.json").events());
    assertTrue(source(r, path + "::bomb.json").issues().get(0).message().contains("expands more than 200 times"));
    assertTrue(r.damaged());
  }

  @Test
  void aTruncated7zIsAnIssueNotACrash() throws Exception {
    Path path = dir.resolve("cut.7z");
    try (SevenZOutputFile z = new SevenZOutputFile(path.toFile())) {
      put7z(z, "a.json", A);
    }
    byte[] whole = Files.readAllBytes(path);
    String cut = write("cut-short.7z", java.util.Arrays.copyOf(whole, whole.length - 20));
    ImportResult r = run(cut);
    assertTrue(r.damaged());
    assertTrue(r.sources().get(0).issues().get(0).message().startsWith("damaged 7z archive"), r.sources().toString());
  }

  @Test
  void velociraptorUploadPathsAreShownDecodedAndKapeNamesAsTheyAre() {
    assertEquals("uploads/auto/C:/Windows/System32/winevt/Logs/Microsoft-Windows-Sysmon%4Operational.evtx",
        VelociraptorNames.display("uploads/auto/C%3A/Windows/System32/winevt/Logs/Microsoft-Windows-Sysmon%254Operational.evtx"));
    assertEquals("uploads/ntfs/\\\\.\\C:/Windows/x.evtx", VelociraptorNames.display("uploads/ntfs/%5C%5C.%5CC%3A/Windows/x.evtx"));
    String kape = "C/Windows/System32/winevt/Logs/Microsoft-Windows-PowerShell%4Admin.evtx";
    assertEquals(kape, VelociraptorNames.display(kape), "KAPE keeps Windows's %4: not an escape");
    assertEquals("uploads/auto/100%_sure%zz", VelociraptorNames.display("uploads/auto/100%25_sure%zz"));
  }

  private String write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes).toString();
  }

  private static void put(ZipArchiveOutputStream z, String name, String text) throws IOException {
    z.putArchiveEntry(new ZipArchiveEntry(name));
    z.write(text.getBytes(StandardCharsets.UTF_8));
    z.closeArchiveEntry();
  }

  private static void put7z(SevenZOutputFile z, String name, String text) throws IOException {
    SevenZArchiveEntry e = new SevenZArchiveEntry();
    e.setName(name);
    z.putArchiveEntry(e);
    z.write(text.getBytes(StandardCharsets.UTF_8));
    z.closeArchiveEntry();
  }

  static byte[] tar(String... nameText) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
      for (int i = 0; i < nameText.length; i += 2) {
        byte[] data = nameText[i + 1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(nameText[i]);
        e.setSize(data.length);
        t.putArchiveEntry(e);
        t.write(data);
        t.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** {@code content} (a String or bytes) through a compressor writing into a byte array. */
  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] compress(Compressor c, Object content) throws IOException {
    byte[] data = content instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) content;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = c.wrap(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  /** An old-GNU sparse member: {@code data} stored, placed at {@code offset} of a file of {@code realSize} bytes. */
  private static byte[] gnuSparseTar(String name, byte[] data, long offset, long realSize) {
    byte[] h = new byte[512];
    putAscii(h, 0, name);
    putAscii(h, 100, "0000644");
    putAscii(h, 108, "0000000");
    putAscii(h, 116, "0000000");
    putAscii(h, 124, String.format("%011o", data.length));
    putAscii(h, 136, "00000000000");
    h[156] = 'S';
    putAscii(h, 257, "ustar  ");
    putAscii(h, 386, String.format("%011o", offset)); // sparse map: one chunk
    putAscii(h, 398, String.format("%011o", data.length));
    putAscii(h, 483, String.format("%011o", realSize));
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    putAscii(h, 148, String.format("%06o", sum) + "\0");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h);
    out.writeBytes(data);
    out.writeBytes(new byte[(int) ((512 - data.length % 512) % 512) + 1024]);
    return out.toByteArray();
  }

  private static void putAscii(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  /** Zip bytes written by hand: what collection tools stream out and java.util.zip never writes. */
  static final class RawZip {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The spanning signature that starts the first part of a split zip. */
    RawZip spanMarker() {
      le(0x08074b50, 4);
      return this;
    }

    /** A STORED member; {@code flags} bit 0 = encrypted; with a data descriptor the sizes follow the data. */
    RawZip entry(String name, int flags, String text, boolean descriptor) {
      byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
      CRC32 crc = new CRC32();
      crc.update(data);
      header(name, flags | (descriptor ? 8 : 0), descriptor ? 0 : crc.getValue(), descriptor ? 0 : data.length);
      entries.set(entries.size() - 1, new long[] {flags | (descriptor ? 8 : 0), crc.getValue(), data.length, entries.get(entries.size() - 1)[3], names.size() - 1});
      out.writeBytes(data);
      if (descriptor) {
        le(0x08074b50, 4);
        le(crc.getValue(), 4);
        le(data.length, 4);
        le(data.length, 4);
      }
      return this;
    }

    /** A member whose header says {@code text}'s size but only {@code kept} bytes follow: the file ends. */
    byte[] partial(String name, String text, int kept) {
      byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
      CRC32 crc = new CRC32();
      crc.update(data);
      header(name, 0, crc.getValue(), data.length);
      out.write(data, 0, kept);
      return out.toByteArray();
    }

    /** The central directory and its end record, as a finished zip has them. */
    byte[] end() {
      int start = out.size();
      for (long[] e : entries) {
        byte[] n = names.get((int) e[4]).getBytes(StandardCharsets.UTF_8);
        le(0x02014b50, 4);
        le(20, 2);
        le(20, 2);
        le(e[0], 2);
        le(0, 2);
        le(0, 4);
        le(e[1], 4);
        le(e[2], 4);
        le(e[2], 4);
        le(n.length, 2);
        le(0, 2);
        le(0, 2);
        le(0, 2);
        le(0, 2);
        le(0, 4);
        le(e[3], 4);
        out.writeBytes(n);
      }
      le(0x06054b50, 4);
      le(0, 4);
      le(entries.size(), 2);
      le(entries.size(), 2);
      le(out.size() - start, 4);
      le(start, 4);
      le(0, 2);
      return out.toByteArray();
    }

    private final List<long[]> entries = new java.util.ArrayList<>();
    private final List<String> names = new java.util.ArrayList<>();

    private void header(String name, int flags, long crc, long size) {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      entries.add(new long[] {flags, crc, size, out.size(), names.size()});
      names.add(name);
      le(0x04034b50, 4);
      le(20, 2);
      le(flags, 2);
      le(0, 2); // STORED
      le(0, 4); // time, date
      le(crc, 4);
      le(size, 4);
      le(size, 4);
      le(n.length, 2);
      le(0, 2);
      out.writeBytes(n);
    }

    private void le(long v, int bytes) {
      ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
      out.write(b.array(), 0, bytes);
    }
  }
}
