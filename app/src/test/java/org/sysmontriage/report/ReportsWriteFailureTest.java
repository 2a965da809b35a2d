package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A report that cannot be written names the reason, not only the temporary file Java names. */
class ReportsWriteFailureTest {
  private final Path out = Path.of("/ro-dir/r.csv");

  @Test
  void permissionDeniedIsSaidInWords() {
    String r = Reports.reason(new AccessDeniedException("/ro-dir/.r.csv.1f.tmp"), out);
    assertEquals("permission denied (the folder " + out.toAbsolutePath().getParent() + " or the file is not writable)", r);
  }

  @Test
  void aFileSystemReasonSuchAsAFullDiskIsKept() {
    String r = Reports.reason(new FileSystemException("/ro-dir/.r.csv.1f.tmp", null, "No space left on device"), out);
    assertEquals("no space left on device (/ro-dir/.r.csv.1f.tmp)", r);
  }
}
