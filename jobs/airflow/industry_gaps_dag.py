"""industry-gaps on Airflow: waits for a new data drop in the inbox, then runs the job with
spark-submit (SparkSubmitOperator of apache-airflow-providers-apache-spark).

A drop is new when its folder has no registration in the warehouse yet
(OUT/warehouse/drops/<drop>.json, written when the job ingests it), so the DAG keeps no state of
its own and a drop that failed stays new until it is fixed. Copy a drop into the inbox under a
name starting with "_" or "." and rename it when it is complete: the job skips such names.

Alerting on the job's exit status (docs/cluster.md): in client deploy mode (the default of the
"spark_default" connection) the task fails on any non-zero status, and its log names it:
0 success, 2 bad usage or configuration, 3 input rejected beyond the configured limit, 1 other
failure. Point on_failure_callback / email_on_failure at whoever fixes drops and conf/.

Set these in the environment of the Airflow scheduler and workers (or edit the defaults):
  INDUSTRY_GAPS_HOME   the checkout or release folder holding target/industry-gaps.jar
  INDUSTRY_GAPS_INBOX  the drops, e.g. hdfs:///data/industry-gaps/inbox
  INDUSTRY_GAPS_OUT    state and reports, e.g. hdfs:///data/industry-gaps/out
  INDUSTRY_GAPS_CONF   the configuration, e.g. hdfs:///data/industry-gaps/conf
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

try:  # Airflow 3
    from airflow.providers.standard.sensors.python import PythonSensor
except ImportError:  # Airflow 2
    from airflow.sensors.python import PythonSensor

HOME = os.environ.get("INDUSTRY_GAPS_HOME", "/opt/industry-gaps")
INBOX = os.environ.get("INDUSTRY_GAPS_INBOX", "hdfs:///data/industry-gaps/inbox")
OUT = os.environ.get("INDUSTRY_GAPS_OUT", "hdfs:///data/industry-gaps/out")
CONF = os.environ.get("INDUSTRY_GAPS_CONF", "hdfs:///data/industry-gaps/conf")

def _is_local(path: str) -> bool:
    return path.startswith("file:") or "://" not in path


def _names(folder: str) -> set[str]:
    """Entries of a folder: local paths directly, Hadoop URIs through the hdfs client."""
    if _is_local(folder):
        local = folder
        if local.startswith("file:"):  # file:///x and file:/x are /x
            local = "/" + local.removeprefix("file:").lstrip("/")
        return set(os.listdir(local)) if os.path.isdir(local) else set()
    listing = subprocess.run(
        ["hdfs", "dfs", "-ls", "-C", folder], capture_output=True, text=True, check=False
    )
    return {line.rsplit("/", 1)[-1] for line in listing.stdout.splitlines() if line}


def new_drops() -> list[str]:
    """Drop folders of the inbox that the warehouse has not registered."""
    registered = {n.removesuffix(".json") for n in _names(f"{OUT}/warehouse/drops")}
    drops = {n for n in _names(INBOX) if not n.startswith((".", "_"))}
    return sorted(drops - registered)


# The Java 17 module options Spark needs, as the build wrote them (one line).
MODULE_OPTIONS = (Path(HOME) / "target" / "jvm.options").read_text().strip()

with DAG(
    dag_id="industry_gaps",
    description="Gap toward the plan's targets, each time a data drop arrives",
    start_date=datetime(2025, 1, 1),
    schedule=timedelta(minutes=15),
    catchup=False,
    max_active_runs=1,  # one run at a time: each run ingests every new drop
    default_args={"retries": 0},
    tags=["industry-gaps"],
) as dag:
    wait_for_drop = PythonSensor(
        task_id="wait_for_new_drop",
        python_callable=new_drops,
        poke_interval=60,
        timeout=14 * 60,
        mode="reschedule",
        soft_fail=True,  # no new drop within this run: skipped, not failed
    )

    run_job = SparkSubmitOperator(
        task_id="industry_gaps_run",
        conn_id="spark_default",  # master and deploy mode of the cluster
        application=f"{HOME}/target/industry-gaps.jar",
        java_class="org.industrygaps.cli.Main",
        name="industry-gaps",
        driver_memory="1g",
        executor_memory="2g",
        conf={
            "spark.sql.shuffle.partitions": "16",
            "spark.driver.extraJavaOptions": MODULE_OPTIONS,
            "spark.executor.extraJavaOptions": MODULE_OPTIONS,
        },
        application_args=["run", "--conf", CONF, "--inbox", INBOX, "--out", OUT],
    )

    wait_for_drop >> run_job
