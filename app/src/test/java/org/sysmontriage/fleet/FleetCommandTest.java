package org.sysmontriage.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.cli.TriageCommand;

/** The fleet job's command line refuses, before Spark starts, an output folder that could touch evidence. */
class FleetCommandTest {
  @Test
  void refusesAnOutputFolderInsideOrAroundTheEvidence(@TempDir Path dir) throws IOException {
    Path evidence = Files.createDirectories(dir.resolve("evidence"));
    Files.writeString(evidence.resolve("hits.jsonl"), "evidence\n");
    assertTrue(problem(evidence.resolve("out"), evidence).contains("overlaps the input"));
    assertTrue(problem(evidence, evidence).contains("overlaps the input"));
    assertTrue(problem(dir, evidence).contains("overlaps the input"), "OUT holding the evidence is refused too");
    assertEquals("evidence\n", Files.readString(evidence.resolve("hits.jsonl")));
  }

  @Test
  void refusesAFolderThatHoldsSomethingElseButReusesItsOwnOutput(@TempDir Path dir) throws IOException {
    Path evidence = Files.createDirectories(dir.resolve("evidence"));
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    assertTrue(problem(other, evidence).contains("not empty"));
    Path previous = Files.createDirectories(dir.resolve("previous"));
    Files.writeString(previous.resolve(FleetOutput.SUMMARY), "{}");
    assertEquals(null, problem(previous, evidence));
    assertEquals(null, problem(dir.resolve("new"), evidence));
  }

  @Test
  void usageErrorsExitWithTwoBeforeSparkStarts(@TempDir Path dir) {
    assertEquals(TriageCommand.USAGE, FleetCommand.execute("--out", dir.resolve("o").toString()));
    assertEquals(TriageCommand.USAGE, FleetCommand.execute("--out", dir.toString(), dir.toString()));
    assertEquals(TriageCommand.USAGE, FleetCommand.execute("--split-mb", "0", "--out", dir.resolve("o").toString(), "x"));
    assertEquals(TriageCommand.USAGE, FleetCommand.execute("--pack", "nope", "--out", dir.resolve("o").toString(), "x"));
  }

  @Test
  void aCaseFileThatCannotBeReadIsAUsageErrorBeforeSparkStarts(@TempDir Path dir) throws IOException {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = new picocli.CommandLine(new FleetCommand());
    cl.setErr(new java.io.PrintWriter(err));
    assertEquals(TriageCommand.USAGE, cl.execute("--case", dir.resolve("none.case.json").toString(), "--out", dir.resolve("o").toString(), "x"));
    assertTrue(err.toString().contains("does not exist"), err.toString());
    Path foreign = Files.writeString(dir.resolve("foreign.json"), "{\"format\": \"something else\"}");
    assertEquals(TriageCommand.USAGE, FleetCommand.execute("--case", foreign.toString(), "--out", dir.resolve("o").toString(), "x"));
    assertTrue(Files.notExists(dir.resolve("o")), "nothing was written");
  }

  private static String problem(Path out, Path input) throws IOException {
    FleetCommand c = new FleetCommand();
    c.out = out;
    c.inputs = List.of(input.toString());
    String p = c.outProblem();
    return p;
  }
}
