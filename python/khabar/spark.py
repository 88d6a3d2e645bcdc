"""Code a whole crawl on Spark: a manifest of WARC, WARC.gz or JSONL paths in, Parquet out.

    python -m khabar.spark MANIFEST OUT [--master local[*]] [--fields text=content,...]
    spark-submit --py-files khabar-*.whl -m khabar.spark ...   (see docs/SPARK.md)

* MANIFEST: a text file (on any file system Spark reads) with one path a line (``#`` comments
  and blank lines skipped): ``.warc``, ``.warc.gz``, ``.jsonl``, ``.jsonl.gz`` (also JSON
  arrays, zips, HTML and text: whatever ``khabar code PATH`` reads, told by the extensions),
  local or ``hdfs://``, ``s3a://``, ``gs://`` … (read with Spark's ``binaryFile`` source).
* One task per file; each task hands its file to :func:`khabar.code_batch` in ``mapInArrow``
  (Arrow in and out, the coding in Rust with the GIL released).
* OUT: Parquet partitioned by event date (``OUT/date=2024-03-05/…``; events with no date in
  ``date=__HIVE_DEFAULT_PARTITION__``), with the columns and types of
  ``khabar export --format parquet``; ``OUT/_failures``: one row (``record``, ``reason``) per
  record that could not be read or coded. A bad record never fails its task.
* Re-running overwrites the partitions it writes (dynamic partition overwrite) and nothing
  else; ids are hashes of the content (``event_id`` the GLOBALEVENTID of
  ``khabar code --format gdelt``, ``story`` a hash of the doc id), so retried and speculative
  tasks write exactly the same rows.
"""

import argparse
import os
import sys
import time

import pyarrow as pa

import khabar

#: For tests: a marker path. The first task to find it missing creates it and fails after
#: writing part of its output, so the run shows that a retried task leaves the output exact.
FAULT_ENV = "KHABAR_SPARK_FAULT_ONCE"

_FAILURE_COLUMNS = [("_failure_record", pa.string()), ("_failure_reason", pa.string())]


def _spark_type(t):
    # Spark's Arrow bridge takes timestamps in microseconds only; `published` is written back
    # to Parquet in milliseconds (spark.sql.parquet.outputTimestampType), as the CLI writes it
    return pa.timestamp("us", tz="UTC") if pa.types.is_timestamp(t) else t


def output_arrow_schema():
    """The events' columns, every one nullable (a failure row has none), then the failure's."""
    fields = [pa.field(f.name, _spark_type(f.type), nullable=True) for f in khabar.event_schema()]
    fields += [pa.field(n, t, nullable=True) for n, t in _FAILURE_COLUMNS]
    return pa.schema(fields)


def code_partition(batches, fields=None, keep_negated=False, all=False, max_mib=32):
    """``mapInArrow``'s function: binaryFile rows (path, content) in, events and failures out,
    in one schema (:func:`output_arrow_schema`)."""
    schema = output_arrow_schema()
    n_events = len(khabar.event_schema())
    fault = os.environ.get(FAULT_ENV)
    for batch in batches:
        if batch.num_rows == 0:
            continue
        events, failures = khabar.code_batch(batch.select(["path", "content"]), fields=fields,
                                             keep_negated=keep_negated, all=all, max_mib=max_mib)
        if events.num_rows:
            cols = [c.cast(f.type) for c, f in zip(events.columns, schema)] + [pa.nulls(events.num_rows, t) for _, t in _FAILURE_COLUMNS]
            yield pa.RecordBatch.from_arrays(cols, schema=schema)
        if fault and not os.path.exists(fault):
            with open(fault, "w") as f:
                f.write("failed once\n")
            raise RuntimeError(f"{FAULT_ENV}: injected task failure (after part of the output)")
        if failures.num_rows:
            cols = [pa.nulls(failures.num_rows, f.type) for f in schema][:n_events]
            cols += list(failures.columns)
            yield pa.RecordBatch.from_arrays(cols, schema=schema)


def read_manifest(spark, manifest):
    """The paths of a manifest, in order, blank lines and ``#`` comments left out: read
    directly when it is a local file, else with Spark (any file system it reads)."""
    if "://" not in manifest and os.path.isfile(manifest):
        with open(manifest, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        lines = [r.value for r in spark.read.text(manifest).collect()]
    return [l.strip() for l in lines if l.strip() and not l.strip().startswith("#")]


def run(spark, paths, out, fields=None, keep_negated=False, all=False, max_mib=32):
    """Codes the files at ``paths`` into ``out``; returns (events, failures) counted."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    conf = spark.conf
    # one task per file: a file's "open cost" fills a whole split, so no two files share one
    conf.set("spark.sql.files.openCostInBytes", conf.get("spark.sql.files.maxPartitionBytes"))
    conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    # as `khabar export --format parquet` writes `published`: milliseconds, UTC
    conf.set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS")
    # one file a batch: the task's whole file is one Arrow record
    conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1")

    files = spark.read.format("binaryFile").load(paths).select("path", "content")
    spark_schema = from_arrow_schema(output_arrow_schema())
    coded = files.mapInArrow(
        lambda it: code_partition(it, fields=fields, keep_negated=keep_negated, all=all, max_mib=max_mib),
        spark_schema,
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        events = coded.where(F.col("_failure_record").isNull()).drop(*[n for n, _ in _FAILURE_COLUMNS])
        events.write.mode("overwrite").partitionBy("date").parquet(out)
        failures = coded.where(F.col("_failure_record").isNotNull()).select(
            F.col("_failure_record").alias("record"), F.col("_failure_reason").alias("reason"))
        failures.coalesce(1).write.mode("overwrite").parquet(out.rstrip("/") + "/_failures")
        counts = coded.agg(F.count(F.lit(1)).alias("rows"), F.count("_failure_record").alias("failures")).first()
        n_failures = counts["failures"]
        n_events = counts["rows"] - n_failures
    finally:
        coded.unpersist()
    return n_events, n_failures


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m khabar.spark", description=__doc__.split("\n\n")[0])
    p.add_argument("manifest", help="text file of WARC / WARC.gz / JSONL paths, one a line")
    p.add_argument("out", help="output folder: Parquet partitioned by event date, failures in OUT/_failures")
    p.add_argument("--master", help="Spark master when not run by spark-submit (default local[*])")
    p.add_argument("--fields", help="field names of JSON records, as for `khabar ingest --map` "
                                    "(e.g. text=content,date=date_extracted)")
    p.add_argument("--keep-negated", action="store_true", help="as `khabar code --keep-negated`")
    p.add_argument("--all", action="store_true", help="as `khabar code --all`")
    p.add_argument("--max-mib", type=int, default=32, help="largest record read, in MiB")
    args = p.parse_args(argv)

    from pyspark.sql import SparkSession

    # local workers run this interpreter (the one khabar is installed in)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("khabar")
    if args.master:
        builder = builder.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not started by spark-submit
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    start = time.time()
    paths = read_manifest(spark, args.manifest)
    if not paths:
        print(f"khabar.spark: {args.manifest}: no paths", file=sys.stderr)
        return 2
    n_events, n_failures = run(spark, paths, args.out, fields=args.fields, keep_negated=args.keep_negated,
                               all=args.all, max_mib=args.max_mib)
    secs = time.time() - start
    print(f"khabar.spark: {len(paths)} files, {n_events} events, {n_failures} failures in {secs:.1f} s "
          f"into {args.out}", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
