package org.sysmontriage.fleet;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/**
 * The cores Spark gave this executor, as one thread pool shared by its tasks. A host's analysis
 * runs in it, so the detector's parallel passes and the host's extract use the executor's cores
 * and no more: {@code local[1]} really is one core of work, and on a cluster an executor of 4 cores
 * does not run a thread per core of the whole node (what the JVM's common pool would do).
 */
final class ExecutorCores {
  private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|\\d+)(?:,\\d+)?]");
  private static ForkJoinPool pool;

  private ExecutorCores() {}

  /**
   * Cores of this executor: {@code spark.executor.cores}, or N of {@code local[N]}, or Spark's default
   * where it is not set: 1 on YARN and Kubernetes, the machine's on a standalone worker.
   */
  static int cores(SparkConf conf) {
    int machine = Runtime.getRuntime().availableProcessors();
    if (conf.contains("spark.executor.cores")) {
      return Math.max(1, conf.getInt("spark.executor.cores", 1));
    }
    String master = conf.get("spark.master", "");
    if (master.equals("local")) {
      return 1;
    }
    Matcher m = LOCAL.matcher(master);
    if (m.matches()) {
      return m.group(1).equals("*") ? machine : Math.max(1, Integer.parseInt(m.group(1)));
    }
    return master.startsWith("yarn") || master.startsWith("k8s://") ? 1 : machine;
  }

  private static synchronized ForkJoinPool pool() {
    if (pool == null) {
      SparkEnv env = SparkEnv.get();
      int cores = env == null ? Runtime.getRuntime().availableProcessors() : cores(env.conf());
      pool = new ForkJoinPool(cores, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);
    }
    return pool;
  }

  /** Runs {@code work} in the executor's pool: parallel streams inside it use those threads only. */
  static <T> T run(Supplier<T> work) {
    return pool().invoke(new RecursiveTask<T>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected T compute() {
        return work.get();
      }
    });
  }

  /** Starts {@code work} beside the caller in the executor's pool. */
  static <T> java.util.concurrent.CompletableFuture<T> beside(Supplier<T> work) {
    return java.util.concurrent.CompletableFuture.supplyAsync(work, pool());
  }
}
