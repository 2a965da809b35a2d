package org.sysmontriage.incident;

/**
 * A process in a tree, from its creation event (Sysmon EID 1 or Security 4688).
 *
 * @param id the ProcessGuid, or {@code pid:N} for a process known only by Security
 * @param parentId the parent's id in the same form, or null
 * @param depth 0 for the tree's roots
 * @param marked in an incident's tree: one of the incident's steps is this process's own; in a
 *     {@link ProcessLineage.Tree}: the process of the event the tree was built around
 * @param event the creation event, or (for a process whose start is not in the logs) an event of it
 * @param pid the process id in decimal, or null
 */
public record ProcessNode(String id, String parentId, int depth, long ticks, String image, String commandLine,
    String user, boolean marked, int event, String pid) {}
