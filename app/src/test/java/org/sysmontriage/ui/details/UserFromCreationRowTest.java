package org.sysmontriage.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.Times;
import org.sysmontriage.ui.hits.HitTable;

/** A hit's event without a user: the details say the user came from the process creation, the table shows it. */
class UserFromCreationRowTest {
  private static EventDraft sysmon(int id, String time, String... kv) {
    EventDraft d = new EventDraft();
    d.eventId = id;
    d.channel = "Microsoft-Windows-Sysmon/Operational";
    d.provider = "Microsoft-Windows-Sysmon";
    d.computer = "IEWIN7";
    d.ticks = Times.parse(time);
    for (int i = 0; i + 1 < kv.length; i += 2) {
      d.field(kv[i], kv[i + 1]);
    }
    return d;
  }

  @Test
  void detailsNameTheCreationEventAndTheTableShowsTheUser() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("t");
    EventDraft create = sysmon(1, "2019-04-30 12:40:00", "ProcessGuid", "{A}", "ProcessId", "1532", "User", "IEWIN7\\IEUser");
    create.recordId = 9001;
    b.accept(create, src);
    EventDraft access = sysmon(10, "2019-04-30 12:43:43", "SourceProcessGUID", "{A}", "TargetImage", "C:\\Windows\\System32\\lsass.exe");
    access.recordId = 9060;
    b.accept(access, src);
    EventStore s = b.freeze();
    int e = s.eventId(0) == 10 ? 0 : 1;
    List<FieldRow> rows = DetailsViewModel.fieldRows(s, e, null);
    FieldRow user = rows.stream().filter(r -> r.name().equals(DetailsViewModel.USER_FROM_CREATION)).findFirst().orElseThrow();
    assertTrue(user.value().startsWith("IEWIN7\\IEUser  · from its process creation: EventID 1, record 9001"), user.value());
    assertTrue(user.value().endsWith("(this event names no user; read from User)"), user.value());
    assertTrue(DetailsViewModel.fieldRows(s, 1 - e, null).stream().noneMatch(r -> r.name().equals(DetailsViewModel.USER_FROM_CREATION)),
        "the creation names its own user");
    HitTable t = new HitTable(s, List.of(new org.sysmontriage.detect.Hit(e, org.sysmontriage.ui.Fixtures.CALLTRACE, List.of())));
    assertEquals("IEWIN7\\IEUser", t.user(0));
    assertEquals(1 - e, t.userCreation(0));
  }
}
