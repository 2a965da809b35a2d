package org.sysmontriage.detect;

/**
 * A field that made a rule fire, with the reason in words: {@code CallTrace contains dbghelp.dll}.
 */
public record MatchedField(String field, String value, String reason) {}
