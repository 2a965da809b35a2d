package org.sysmontriage.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** A host's analysis gets the executor's cores: spark.executor.cores, or N of local[N]. */
class ExecutorCoresTest {
  @Test
  void coresComeFromTheExecutorsSettingOrTheLocalMaster() {
    int machine = Runtime.getRuntime().availableProcessors();
    assertEquals(1, ExecutorCores.cores(conf("local")));
    assertEquals(1, ExecutorCores.cores(conf("local[1]")));
    assertEquals(3, ExecutorCores.cores(conf("local[3]")));
    assertEquals(2, ExecutorCores.cores(conf("local[2,4]")), "local[N,F]: N threads, F task failures allowed");
    assertEquals(machine, ExecutorCores.cores(conf("local[*]")));
    assertEquals(1, ExecutorCores.cores(conf("yarn")), "YARN's default executor: one core");
    assertEquals(1, ExecutorCores.cores(conf("k8s://https://kube:6443")), "Kubernetes' default executor: one core");
    assertEquals(machine, ExecutorCores.cores(conf("spark://master:7077")), "a standalone worker's executor: the worker's cores");
    assertEquals(4, ExecutorCores.cores(conf("yarn").set("spark.executor.cores", "4")));
  }

  private static SparkConf conf(String master) {
    return new SparkConf(false).setMaster(master);
  }
}
