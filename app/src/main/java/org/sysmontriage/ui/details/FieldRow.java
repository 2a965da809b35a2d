package org.sysmontriage.ui.details;

/** One field of the shown event; {@code reason} is why an analytic matched it, else empty. */
public record FieldRow(String name, String value, String reason) {
  public boolean matched() {
    return !reason.isEmpty();
  }
}
