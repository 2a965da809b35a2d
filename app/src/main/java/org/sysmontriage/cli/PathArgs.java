package org.sysmontriage.cli;

import java.util.List;
import picocli.CommandLine.Parameters;

/** The PATH... arguments of every command that reads logs (a picocli mixin). */
public final class PathArgs {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files, folders (read recursively) or archives (.zip, .tar.gz, .tar, .gz).")
  List<String> paths;

  public List<String> paths() {
    return paths;
  }
}
