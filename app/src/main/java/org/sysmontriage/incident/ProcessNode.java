package org.sysmontriage.incident;

import java.util.Objects;

/**
 * A process in a tree, from its creation event (Sysmon EID 1 or Security 4688), or from an event of a process whose
 * start is not in the logs. Its texts are read from the store when asked, not copied: an incident's tree at a million
 * events holds tens of thousands of nodes, made right after the window opens, that the young collections copied with
 * their image, command line, user and GUID texts.
 */
public final class ProcessNode {
  private final EventFacts facts;
  private final int event;
  private final int depth;
  private final boolean marked;
  /** The event is not the process's creation: the process is named by its GUID or id in the event, its parent unknown. */
  private final boolean unstarted;

  private ProcessNode(EventFacts facts, int event, int depth, boolean marked, boolean unstarted) {
    this.facts = facts;
    this.event = event;
    this.depth = depth;
    this.marked = marked;
    this.unstarted = unstarted;
  }

  /** The process that creation event {@code c} (EID 1 or 4688) started. */
  static ProcessNode created(EventFacts facts, int c, int depth, boolean marked) {
    return new ProcessNode(facts, c, depth, marked, false);
  }

  /** The process acting in event {@code e}, whose start is not in the logs. */
  static ProcessNode unstarted(EventFacts facts, int e, int depth, boolean marked) {
    return new ProcessNode(facts, e, depth, marked, true);
  }

  /** The same node at another depth. */
  ProcessNode atDepth(int d) {
    return new ProcessNode(facts, event, d, marked, unstarted);
  }

  private boolean sysmonStart() {
    return !unstarted && facts.store().eventId(event) == 1;
  }

  /** The ProcessGuid (lower case, no braces), or {@code pid:N} for a process known only by its id. */
  public String id() {
    if (unstarted) {
      String guid = facts.actorGuid(event);
      return guid != null ? guid : "pid:" + pid();
    }
    return sysmonStart() ? EventFacts.guid(facts.field(event, "ProcessGuid")) : "pid:" + pid();
  }

  /** The parent's id in the same form, or null. */
  public String parentId() {
    if (unstarted) {
      return null;
    }
    if (sysmonStart()) {
      return facts.parentGuid(event);
    }
    String ppid = facts.parentPid(event);
    return ppid == null ? null : "pid:" + ppid;
  }

  /** 0 for the tree's roots. */
  public int depth() {
    return depth;
  }

  public long ticks() {
    return facts.store().ticks(event);
  }

  public String image() {
    return facts.image(event);
  }

  public String commandLine() {
    return facts.commandLine(event);
  }

  public String user() {
    return facts.user(event);
  }

  /**
   * In an incident's tree: one of the incident's steps is this process's own; in a {@link ProcessLineage.Tree}: the
   * process of the event the tree was built around.
   */
  public boolean marked() {
    return marked;
  }

  /** The creation event, or (for a process whose start is not in the logs) an event of it. */
  public int event() {
    return event;
  }

  /** The process id in decimal, or null. */
  public String pid() {
    return facts.actorPid(event);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProcessNode n && n.facts.store() == facts.store() && n.event == event && n.depth == depth
        && n.marked == marked && n.unstarted == unstarted;
  }

  @Override
  public int hashCode() {
    return Objects.hash(event, depth, marked, unstarted);
  }

  @Override
  public String toString() {
    return "ProcessNode[id=" + id() + ", parentId=" + parentId() + ", depth=" + depth + ", ticks=" + ticks() + ", image=" + image()
        + ", commandLine=" + commandLine() + ", user=" + user() + ", marked=" + marked + ", event=" + event + ", pid=" + pid() + "]";
  }
}
