package org.sysmontriage.incident;

/**
 * The clock an event's time comes from: one channel of one log. Sysmon events carry their own
 * UtcTime; other channels keep the exporter's time, which can be hours off.
 *
 * @param source the log's index in the store's sources
 * @param channel the channel as the log names it
 */
public record Clock(int source, String channel) {}
