package org.sysmontriage.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;

class ReportGoldenTest {
  @Test
  void everyFormatMatchesItsGoldenFileOnTheHandBuiltStore() throws IOException {
    ReportInput in = ReportFixture.sample().input();
    for (ReportType t : ReportType.values()) {
      Golden.check("fixture." + t.extension(), render(t, in));
    }
  }

  @Test
  void caseStatusesAndSuppressionMatchTheGoldenFiles() throws IOException {
    ReportFixture f = ReportFixture.sample();
    CaseFile c = CaseFile.of(f.store.sources())
        .withTriage(HitKey.of(f.store, f.hits.get(0)), new HitTriage(HitStatus.TRUE_POSITIVE, List.of("ir-42"),
            "Confirmed with the user: not an admin task.", "2026-01-02T03:00:00Z", "analyst"))
        .withAllow(new AllowEntry(ReportFixture.DBGHELP.id(), "SourceImage", "c:\\windows\\system32\\RUNDLL32.exe",
            "analyst", "2026-01-02T03:00:00Z", "backup agent"));
    ReportInput in = f.input().withCase(c).withScore(NavigatorScore.COUNT);
    for (ReportType t : ReportType.values()) {
      Golden.check("fixture-case." + t.extension(), render(t, in));
    }
  }

  static byte[] render(ReportType t, ReportInput in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reports.writer(t).write(ReportData.of(in), out);
    return out.toByteArray();
  }

}
