package org.sysmontriage.detect.sigma;

/** A rule that cannot be compiled, with the line of the offending part. */
public final class RuleException extends Exception {
  private final int line;

  public RuleException(String message, int line) {
    super(message);
    this.line = line;
  }

  public RuleException(String message, YamlNode at) {
    this(message, at == null ? 0 : at.line());
  }

  public int line() {
    return line;
  }
}
