package org.sysmontriage.ui.details;

/** An event shown next to the selected one, and how it relates to it. */
public record RelatedEvent(int event, String relation) {}
