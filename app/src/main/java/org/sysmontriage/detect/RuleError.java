package org.sysmontriage.detect;

/**
 * A rule that could not be loaded, where and why. The other rules load regardless.
 *
 * @param file the rule file (or resource) name
 * @param line 1-based line, 0 when the problem concerns the whole file
 */
public record RuleError(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
