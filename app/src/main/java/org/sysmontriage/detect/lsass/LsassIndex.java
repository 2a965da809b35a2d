package org.sysmontriage.detect.lsass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Guids;
import org.sysmontriage.event.Times;

/**
 * What a whole capture says about LSASS and about the processes around it, built in one pass over
 * the store: LSASS's PIDs and process GUIDs per computer (with the times they were seen), each
 * process's identity evidence (image, OriginalFileName, company, hashes, signature), the DLLs the
 * logs identify, files each process wrote, and how many processes each process opened with the
 * same rights (a process listing opens them all; a dumper opens LSASS).
 */
public final class LsassIndex {
  /**
   * What the logs say about one process (by computer and GUID, or computer and PID). Its texts stay in the
   * store: the process keeps their value ids and reads them when asked, so the index holds no copy of them
   * (at a million events it holds tens of thousands of processes, long-lived data every young collection of
   * the analysis copied until it was old).
   */
  public static final class Process {
    private final EventStore store;
    /** Value ids of the texts below ({@link #NONE}: not in the logs). */
    int image = NONE;
    int originalFileName = NONE;
    int company = NONE;
    int hashes = NONE;
    int signature = NONE;
    int signatureStatus = NONE;
    int parentImage = NONE;
    public Boolean signed;
    /** Value ids of the files the process wrote, the first {@link #FILES_KEPT}; null until one. */
    private int[] files;
    private int fileCount;
    public int lsassReads;
    /** Mask -> the other processes opened with it (upper case); null until the process opens one. */
    private Map<Long, Set<String>> targetsByMask;

    Process(EventStore store) {
      this.store = store;
    }

    private String text(int valueId) {
      return valueId == NONE ? null : store.value(valueId);
    }

    public String image() {
      return text(image);
    }

    public String originalFileName() {
      return text(originalFileName);
    }

    public String company() {
      return text(company);
    }

    public String hashes() {
      return text(hashes);
    }

    public String signature() {
      return text(signature);
    }

    public String signatureStatus() {
      return text(signatureStatus);
    }

    public String parentImage() {
      return text(parentImage);
    }

    /** The files the process wrote (Sysmon 11), the first {@link #FILES_KEPT}, in event order. */
    public List<String> filesWritten() {
      List<String> out = new ArrayList<>(fileCount);
      for (int i = 0; i < fileCount; i++) {
        out.add(store.value(files[i]));
      }
      return out;
    }

    void wrote(int file) {
      if (fileCount == FILES_KEPT) {
        return;
      }
      if (files == null || fileCount == files.length) {
        files = java.util.Arrays.copyOf(files == null ? new int[0] : files, Math.min(FILES_KEPT, Math.max(4, fileCount * 2)));
      }
      files[fileCount++] = file;
    }

    /** Distinct processes other than LSASS this process opened with exactly this mask. */
    public int otherTargets(long mask) {
      Set<String> t = targetsByMask == null ? null : targetsByMask.get(mask);
      return t == null ? 0 : t.size();
    }

    void opened(long mask, String target) {
      if (targetsByMask == null) {
        targetsByMask = new HashMap<>(4);
      }
      Set<String> set = targetsByMask.computeIfAbsent(mask, k -> new HashSet<>());
      if (set.size() < 1000) {
        set.add(target.toUpperCase(java.util.Locale.ROOT));
      }
    }
  }

  /** A value id for "not in the logs". */
  static final int NONE = -1;
  /** Files written kept per process. */
  static final int FILES_KEPT = 64;

  record Sighting(long ticks, long pid) {}

  private final EventStore store;
  private final Map<String, List<Sighting>> lsassByComputer = new HashMap<>();
  private final Map<String, Sightings> sightings = new HashMap<>();
  private final Set<Key> lsassGuids = new HashSet<>();
  private final Map<Key, Process> byGuid = new HashMap<>();
  private final Map<Key, Key> guidByPid = new HashMap<>();

  /**
   * A process's key: its computer (the store's shared text) and its GUID - as two numbers when it has the
   * usual form ({@code 8-4-4-4-12} hex digits, upper case from {@link Fields#guid}), else as the text - or
   * its computer and PID. Small and made without texts: the index keeps one or two per process. Comparable,
   * as the text keys were: keys a crafted log gives equal hash codes share a bin that HashMap keeps as a
   * sorted tree, so a lookup never walks all of them (linear time overall).
   */
  record Key(String computer, long a, long b, String text, boolean byPid) implements Comparable<Key> {
    static Key guid(String computer, String guid) {
      // the usual form as its numbers: the text (upper case from Fields#guid) and the numbers stand for each other
      return Guids.usual(guid) ? new Key(computer, Guids.high(guid), Guids.low(guid), null, false) : new Key(computer, 0, 0, guid, false);
    }

    static Key pid(String computer, long pid) {
      return new Key(computer, pid, 0, null, true);
    }

    @Override
    public int compareTo(Key o) {
      int c = Boolean.compare(byPid, o.byPid);
      c = c != 0 ? c : Long.compare(a, o.a);
      c = c != 0 ? c : Long.compare(b, o.b);
      c = c != 0 ? c : compare(text, o.text);
      return c != 0 ? c : compare(computer, o.computer);
    }

    private static int compare(String x, String y) {
      return x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
    }
  }

  private final Map<String, String> dllOriginalNames = new HashMap<>();
  /** (computer id, PID) -> value id of the last non-LSASS image seen with it. */
  private final PidImages imageByPid = new PidImages();
  /** Computer name -> the store's computer id, for the events' computers. */
  private final Map<String, Integer> computerIds = new HashMap<>();

  public LsassIndex(EventStore store) {
    this.store = store;
    sysmonSights = new Sight[] {
        sightOf("Image", "ProcessId", "ProcessGuid"),
        sightOf("TargetImage", "TargetProcessId", "TargetProcessGUID", "TargetProcessGuid"),
        sightOf("SourceImage", "SourceProcessId", "SourceProcessGUID", "SourceProcessGuid"),
        sightOf("ParentImage", "ParentProcessId", "ParentProcessGuid")};
    newProcessSights = new Sight[] {sightOf("NewProcessName", "NewProcessId"), sightOf("ParentProcessName", "ProcessId")};
    handleSights = new Sight[] {sightOf("ProcessName", "ProcessId")};
    sightAll();
    learnProcesses();
    for (int e = 0, n = store.size(); e < n; e++) {
      int id = store.eventId(e);
      if (id == 10 && isSysmon(e)) {
        learnAccess(e);
      } else if (id == 11 && isSysmon(e)) {
        int file = getId(e, "TargetFilename");
        Process p = process(e, "ProcessGuid", "ProcessId", true);
        if (file != NONE && p != null) {
          p.wrote(file);
        }
      }
    }
    lsassByComputer.values().forEach(l -> l.sort((a, b) -> Long.compare(a.ticks, b.ticks)));
    lsassByComputer.forEach((computer, l) -> sightings.put(computer, new Sightings(l)));
  }

  public EventStore store() {
    return store;
  }

  private boolean isSysmon(int e) {
    String ch = store.channel(e);
    if (ch != lastChannel) { // the store hands out one string per distinct channel: most events repeat the last one
      lastChannel = ch;
      lastSysmon = ch != null && ch.toLowerCase(java.util.Locale.ROOT).contains("sysmon");
    }
    return lastSysmon;
  }

  /** Store name ids of the field names read while the index is built (on one thread; lookups never write it). */
  private final Map<String, Integer> nameIds = new HashMap<>();

  /** The value id of {@code store.field(e, name)} (-1: none), with the name's id looked up once per name instead of on every read. */
  private int fieldId(int e, String name) {
    Integer id = nameIds.get(name);
    if (id == null) {
      id = store.nameId(name);
      nameIds.put(name, id);
    }
    return id < 0 ? -1 : store.valueId(e, id);
  }

  /** {@link Fields#get}'s choice as a value id: the first of these fields with a usable value, or {@link #NONE}. */
  private int getId(int e, String... names) {
    for (String n : names) {
      int v = fieldId(e, n);
      if (v >= 0 && usable(store.value(v))) {
        return v;
      }
    }
    return NONE;
  }

  private static boolean usable(String v) {
    return !v.isBlank() && !v.equals("-");
  }

  /** {@link Fields#get} by {@link #fieldId}: the first of these fields with a usable value. */
  private String get(int e, String... names) {
    int v = getId(e, names);
    return v == NONE ? null : store.value(v);
  }

  /** The last channel {@link #isSysmon} looked at and its answer (used while the index is built, on one thread). */
  private String lastChannel;
  private boolean lastSysmon;

  /**
   * Where an event names a process: the store name ids of its image, PID and GUID fields (-1: no
   * event has that field), looked up once when the index is built.
   */
  private record Sight(int image, int pid, int[] guids) {}

  private Sight sightOf(String image, String pid, String... guids) {
    int[] g = new int[guids.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = store.nameId(guids[i]);
    }
    return new Sight(store.nameId(image), store.nameId(pid), g);
  }

  /** The processes a Sysmon event, a 4688 and a 4656/4663/4673/4703 name. */
  private final Sight[] sysmonSights;
  private final Sight[] newProcessSights;
  private final Sight[] handleSights;

  /**
   * Every process each event names ({@link #sight}): LSASS's PIDs and GUIDs, the image of each other
   * PID. A pass of its own, apart from {@link #learnProcesses} (they fill different tables), so the
   * loop run on every event stays small.
   */
  private void sightAll() {
    for (int e = 0, n = store.size(); e < n; e++) {
      int id = store.eventId(e);
      Sight[] sights = isSysmon(e) ? sysmonSights : id == 4688 ? newProcessSights
          : id == 4656 || id == 4663 || id == 4673 || id == 4703 ? handleSights : null;
      if (sights != null) {
        for (Sight s : sights) {
          sight(e, s);
        }
      }
    }
  }

  /** What process creations (Sysmon 1, Security 4688) and image loads (Sysmon 7) say about each process, in event order. */
  private void learnProcesses() {
    for (int e = 0, n = store.size(); e < n; e++) {
      int id = store.eventId(e);
      if (id == 1 || id == 7 || id == 4688) {
        learnProcess(e, id);
      }
    }
  }

  private void learnProcess(int e, int id) {
    boolean sysmon = isSysmon(e);
    String computer = store.computer(e);
    if (sysmon && id == 1) {
      Process p = processFor(computer, get(e, "ProcessGuid"), get(e, "ProcessId"));
      p.image = getId(e, "Image");
      p.originalFileName = getId(e, "OriginalFileName");
      p.company = getId(e, "Company");
      p.hashes = getId(e, "Hashes");
      p.parentImage = getId(e, "ParentImage");
    } else if (sysmon && id == 7) {
      learnImageLoad(e, computer);
    } else if (!sysmon && id == 4688) {
      Process p = processFor(computer, null, get(e, "NewProcessId"));
      p.image = getId(e, "NewProcessName");
      p.parentImage = getId(e, "ParentProcessName");
    }
  }

  private void learnImageLoad(int e, String computer) {
    String loaded = get(e, "ImageLoaded");
    int ofn = getId(e, "OriginalFileName");
    if (loaded != null && ofn != NONE) {
      dllOriginalNames.put(computer + "|" + Fields.path(loaded), store.value(ofn));
    }
    int image = getId(e, "Image");
    if (loaded == null || image == NONE || !Fields.path(loaded).equals(Fields.path(store.value(image)))) {
      return; // only the process's own main module speaks for the process
    }
    Process p = processFor(computer, get(e, "ProcessGuid"), get(e, "ProcessId"));
    p.image = p.image == NONE ? image : p.image;
    String signed = get(e, "Signed");
    p.signed = signed == null ? p.signed : Boolean.valueOf(signed.trim().equalsIgnoreCase("true"));
    p.signature = getId(e, "Signature");
    p.signatureStatus = getId(e, "SignatureStatus");
    p.originalFileName = p.originalFileName == NONE ? ofn : p.originalFileName;
    p.company = p.company == NONE ? getId(e, "Company") : p.company;
    p.hashes = p.hashes == NONE ? getId(e, "Hashes") : p.hashes;
  }

  private void learnAccess(int e) {
    Process p = process(e, "SourceProcessGUID", "SourceProcessId", true);
    AccessRights rights = AccessRights.parse(get(e, "GrantedAccess"));
    if (p == null || rights == null) {
      return;
    }
    if (isLsassTarget(e)) {
      if (rights.canReadMemory()) {
        p.lsassReads++;
      }
      return;
    }
    String target = get(e, "TargetProcessGUID", "TargetProcessGuid", "TargetImage");
    if (target != null) {
      p.opened(rights.mask(), target);
    }
  }

  /**
   * One process an event names: LSASS's sightings, or the last image seen with that PID on that
   * computer. Works on the store's ids (no text is made per event); LSASS is handled apart.
   */
  private void sight(int e, Sight s) {
    int image = s.image() < 0 ? -1 : store.valueId(e, s.image());
    if (image < 0) {
      return;
    }
    long pid = s.pid() < 0 ? -1 : pidOf(store.valueId(e, s.pid()));
    if (Fields.isLsassImage(store.value(image))) {
      sightLsass(e, pid, s.guids());
    } else if (pid > 0) {
      int computer = store.computerId(e);
      if (computer != lastComputerId) {
        lastComputerId = computer;
        computerIds.putIfAbsent(store.computer(e), computer);
      }
      imageByPid.put(computer, pid, image);
    }
  }

  /** The computer id {@link #sight} last registered in {@link #computerIds} (the index is built on one thread). */
  private int lastComputerId = -1;

  /** Per value id (direct-mapped, recent values): the PID a PID field's text gives ({@link Fields#pid}). */
  private final int[] pidValueIds = filled(1024);
  private final long[] pidValues = new long[1024];

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  private long pidOf(int valueId) {
    if (valueId < 0) {
      return -1;
    }
    int at = valueId & (pidValueIds.length - 1);
    if (pidValueIds[at] != valueId) {
      pidValueIds[at] = valueId;
      pidValues[at] = Fields.pid(store.value(valueId));
    }
    return pidValues[at];
  }

  private void sightLsass(int e, long pid, int[] guidFields) {
    String computer = store.computer(e);
    if (pid > 0) {
      lsassByComputer.computeIfAbsent(computer, k -> new ArrayList<>()).add(new Sighting(store.ticks(e), pid));
    }
    for (int g : guidFields) {
      int v = g < 0 ? -1 : store.valueId(e, g);
      String guid = v < 0 ? null : Fields.guid(store.value(v));
      if (guid != null) {
        lsassGuids.add(Key.guid(computer, guid));
      }
    }
  }

  private Process processFor(String computer, String guid, String pid) {
    String g = Fields.guid(guid);
    long p = Fields.pid(pid);
    Key key = g != null ? Key.guid(computer, g) : null;
    if (key == null && p >= 0) {
      Key byPid = Key.pid(computer, p);
      key = guidByPid.getOrDefault(byPid, byPid);
    }
    if (key == null) {
      return new Process(store);
    }
    if (g != null && p >= 0) {
      guidByPid.put(Key.pid(computer, p), key);
    }
    return byGuid.computeIfAbsent(key, k -> new Process(store));
  }

  /**
   * The process an event names in these fields (GUID first, then PID on that computer), or null. A
   * lookup changes nothing: a GUID the logs tell nothing about gives an empty process (and the next
   * lookup of that GUID goes by its own PID again), so the answers do not depend on the order of the
   * questions and several threads may ask at once.
   */
  public Process process(int e, String guidField, String pidField) {
    return process(e, guidField, pidField, false);
  }

  /** {@link #process}; while the index is built ({@code learning}), a GUID first seen here is kept with an empty process. */
  private Process process(int e, String guidField, String pidField, boolean learning) {
    String computer = store.computer(e);
    String g = Fields.guid(store.field(e, guidField));
    if (g == null && guidField.endsWith("GUID")) {
      g = Fields.guid(store.field(e, guidField.substring(0, guidField.length() - 4) + "Guid"));
    }
    if (g != null) {
      Process p = byGuid.get(Key.guid(computer, g));
      if (p != null) {
        return p;
      }
    }
    long pid = Fields.pid(store.field(e, pidField));
    if (pid < 0) {
      return null;
    }
    Key byPid = Key.pid(computer, pid);
    Process p = byGuid.get(guidByPid.getOrDefault(byPid, byPid));
    if (p == null && g != null) {
      p = learning ? byGuid.computeIfAbsent(Key.guid(computer, g), k -> new Process(store)) : new Process(store);
    }
    return p;
  }

  /** Whether a Sysmon process-access (or remote-thread) event targets LSASS: by image, GUID or PID at that time. */
  public boolean isLsassTarget(int e) {
    if (Fields.isLsassImage(store.field(e, "TargetImage"))) {
      return true;
    }
    String g = Fields.guid(Fields.get(store, e, "TargetProcessGUID", "TargetProcessGuid"));
    if (g != null && lsassGuids.contains(Key.guid(store.computer(e), g))) {
      return true;
    }
    return false;
  }

  /**
   * Whether {@code pid} was LSASS's PID on this computer around this time: the LSASS sighting
   * nearest in time decides (LSASS gets a new PID after a restart); with no time, any sighting.
   */
  public boolean isLsassPid(String computer, long pid, long ticks) {
    Sightings s = sightings.get(computer);
    return s != null && pid >= 0 && s.isLsassPid(pid, ticks);
  }

  /**
   * A computer's LSASS sightings arranged for lookups in logarithmic time (a hit asks once per hit; a
   * scan of every sighting per hit was quadratic on a host with thousands of LSASS events). Answers
   * exactly as a scan of the time-sorted list would: the nearest sighting in time decides, ties go to
   * the earlier one; a PID also counts when it was seen as LSASS on both sides of the time.
   */
  static final class Sightings {
    private final Set<Long> pids = new HashSet<>();
    private final Set<Long> pidsWithoutTime = new HashSet<>();
    private final long[] ticks;
    private final long[] pidAt;
    private final Map<Long, long[]> firstAndLast = new HashMap<>();

    Sightings(List<Sighting> sorted) {
      int known = 0;
      for (Sighting x : sorted) {
        pids.add(x.pid);
        if (x.ticks == Times.UNKNOWN) {
          pidsWithoutTime.add(x.pid);
        } else {
          known++;
        }
      }
      ticks = new long[known];
      pidAt = new long[known];
      int i = 0;
      for (Sighting x : sorted) {
        if (x.ticks != Times.UNKNOWN) {
          ticks[i] = x.ticks;
          pidAt[i++] = x.pid;
          long[] fl = firstAndLast.computeIfAbsent(x.pid, k -> new long[] {x.ticks, x.ticks});
          fl[0] = Math.min(fl[0], x.ticks);
          fl[1] = Math.max(fl[1], x.ticks);
        }
      }
    }

    boolean isLsassPid(long pid, long at) {
      if (at == Times.UNKNOWN) {
        return pids.contains(pid);
      }
      if (pidsWithoutTime.contains(pid)) {
        return true;
      }
      if (ticks.length == 0) {
        return false;
      }
      int above = upperBound(at); // first sighting after the time
      int best;
      if (above == 0) {
        best = 0;
      } else {
        int below = lowerBound(ticks[above - 1]); // first sighting of the latest time at or before
        if (above == ticks.length || Math.abs(ticks[below] - at) <= Math.abs(ticks[above] - at)) {
          best = below;
        } else {
          best = above;
        }
      }
      if (pidAt[best] == pid) {
        return true;
      }
      long[] fl = firstAndLast.get(pid);
      return fl != null && fl[0] <= at && fl[1] >= at;
    }

    private int upperBound(long t) {
      return t == Long.MAX_VALUE ? ticks.length : lowerBound(t + 1);
    }

    private int lowerBound(long t) {
      return Times.firstAtOrAfter(ticks, t);
    }
  }

  /** The last image the logs show with this PID on this computer (any process but LSASS), or null. */
  public String imageOfPid(String computer, long pid) {
    Integer id = computerIds.get(computer);
    int image = id == null ? -1 : imageByPid.get(id, pid);
    return image < 0 ? null : store.value(image);
  }

  /** The PIDs LSASS had on a computer (for messages). */
  public Set<Long> lsassPids(String computer) {
    Set<Long> out = new java.util.TreeSet<>();
    lsassByComputer.getOrDefault(computer, List.of()).forEach(x -> out.add(x.pid));
    return out;
  }

  /** The OriginalFileName Sysmon EID 7 showed for a DLL path on a computer, or null. */
  public String dllOriginalName(String computer, String path) {
    return path == null ? null : dllOriginalNames.get(computer + "|" + Fields.path(path));
  }

  /**
   * (computer id, PID) -> an image's value id, the last one put: open addressing with linear probing,
   * so a sighting stores three numbers instead of making a text key per event.
   */
  static final class PidImages {
    private int[] computers = new int[64];
    private long[] pids = new long[64];
    private int[] images = filledWith(64);
    private int size;

    private static int[] filledWith(int n) {
      int[] a = new int[n];
      java.util.Arrays.fill(a, -1);
      return a;
    }

    /**
     * Random odd multipliers drawn per table (multiply-shift hashing): a log's PIDs cannot be chosen to fall in one
     * run of slots, which a fixed hash would let a crafted log do (every lookup then walks the run: quadratic time).
     * Where a key lands never changes an answer, only how far a lookup walks.
     */
    private final long pidFactor = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1;
    private final long computerFactor = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1;

    private int hash(int computer, long pid) {
      long h = pid * pidFactor + computer * computerFactor;
      return (int) (h >>> 32); // the high bits depend on every bit of the key
    }

    /** The slot of the key, or of the empty slot where it would go. */
    private int slot(int computer, long pid) {
      int mask = images.length - 1;
      int i = hash(computer, pid) & mask;
      while (images[i] >= 0 && (computers[i] != computer || pids[i] != pid)) {
        i = (i + 1) & mask;
      }
      return i;
    }

    void put(int computer, long pid, int image) {
      int i = slot(computer, pid);
      if (images[i] < 0) {
        if (2 * (size + 1) > images.length) {
          grow();
          i = slot(computer, pid);
        }
        size++;
        computers[i] = computer;
        pids[i] = pid;
      }
      images[i] = image;
    }

    /** The image's value id, or -1. */
    int get(int computer, long pid) {
      return images[slot(computer, pid)];
    }

    private void grow() {
      int[] oldComputers = computers;
      long[] oldPids = pids;
      int[] oldImages = images;
      computers = new int[oldImages.length * 2];
      pids = new long[oldImages.length * 2];
      images = filledWith(oldImages.length * 2);
      for (int i = 0; i < oldImages.length; i++) {
        if (oldImages[i] >= 0) {
          int j = slot(oldComputers[i], oldPids[i]);
          computers[j] = oldComputers[i];
          pids[j] = oldPids[i];
          images[j] = oldImages[i];
        }
      }
    }
  }
}
