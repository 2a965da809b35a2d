package org.sysmontriage.incident;

/**
 * A process in an incident's tree, from its creation event (Sysmon EID 1 or Security 4688).
 *
 * @param id the ProcessGuid, or {@code pid:N} for a process known only by Security
 * @param parentId the parent's id in the same form, or null
 * @param depth 0 for the tree's roots
 * @param inIncident true when one of the incident's steps is this process's own
 */
public record ProcessNode(String id, String parentId, int depth, long ticks, String image, String commandLine,
    String user, boolean inIncident) {}
