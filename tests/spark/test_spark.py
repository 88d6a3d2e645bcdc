"""The Python package and the Spark job against the CLI (tests/spark/run.sh runs this).

KHABAR names the CLI binary (built with --features parquet). The job runs in local mode as
`python -m khabar.spark`, each run in its own process (its own JVM):

* events equal `khabar code`'s on the same files: ids (GLOBALEVENTID of --format gdelt),
  doc ids, sentences, codes, actors, dates, places, evidence; and every column of
  `khabar code --format parquet`'s rows;
* one partition folder per event date; the columns and types of `khabar export --format parquet`;
* the planted bad records counted in OUT/_failures, and the run still succeeds;
* a re-run over the same OUT leaves the same rows (the partitions overwritten, not doubled);
* `local[2,3]` with a task that fails once (after writing part of its output) gives the same rows.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

import khabar

sys.path.insert(0, str(Path(__file__).parent))
import fixtures  # noqa: E402

KHABAR = os.environ.get("KHABAR", str(Path(__file__).resolve().parents[2] / "target/release/khabar"))


def cli(*args, check_rc=(0, 1)):
    p = subprocess.run([KHABAR, *map(str, args)], capture_output=True, text=True)
    assert p.returncode in check_rc, p.stderr
    return p


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    paths, bad = fixtures.write_all(folder)
    manifest = folder / "manifest.txt"
    manifest.write_text("# the test corpus\n" + "\n".join(str(p) for p in paths.values()) + "\n\n")
    return folder, paths, bad, manifest


def key(e):
    """The fields the CLI and the job must agree on, of an event as `khabar code` writes it."""
    actor = lambda a: None if a is None else (a["text"], a["name"], a["code"], a.get("country"), tuple(a["roles"]))
    loc = e.get("location")
    place = None if loc is None else (loc["name"], loc.get("country"), loc.get("adm1"), loc.get("geonameid"), loc["basis"])
    return (e["event_id"], e["doc_id"], e["sentence"], e["lang"], e["cameo"], e["cameo_root"], e.get("plover"),
            round(e["goldstein"], 3), e["quad_class"], actor(e.get("source")), actor(e.get("target")),
            e.get("date"), e.get("date_basis"), place, e["modality"], e["negated"], e["root_event"],
            e["rule"], e["evidence"], max(1, len(e.get("mentions", []))) if "mentions" in e else e["num_mentions"])


@pytest.fixture(scope="session")
def cli_events(corpus):
    """`khabar code` over the corpus: JSON events, each with the id its GDELT row gives it."""
    _, paths, _, _ = corpus
    files = [str(p) for p in paths.values()]
    js = cli("code", *files)
    gd = cli("code", "--format", "gdelt", *files)
    events = [json.loads(l) for l in js.stdout.splitlines()]
    rows = [l.split("\t") for l in gd.stdout.splitlines()]
    assert len(events) == len(rows) > 10
    for e, r in zip(events, rows):
        e["event_id"] = int(r[0])
    failures = sum(1 for l in js.stderr.splitlines() if l.startswith("khabar: "))
    return events, failures


def run_job(manifest, out, master="local[2]", env=None):
    p = subprocess.run([sys.executable, "-m", "khabar.spark", str(manifest), str(out), "--master", master],
                       capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=600)
    assert p.returncode == 0, p.stderr[-4000:]
    return p


def job_events(out):
    """The job's events, read back as `khabar code` JSON-like dicts."""
    part = ds.partitioning(pa.schema([("date", pa.date32())]), flavor="hive")
    t = ds.dataset(str(out), format="parquet", partitioning=part).to_table()
    rows = t.to_pylist()
    for r in rows:
        r["date"] = r["date"].isoformat() if r["date"] is not None else None
    return rows


@pytest.fixture(scope="session")
def job(corpus, tmp_path_factory):
    _, _, _, manifest = corpus
    out = tmp_path_factory.mktemp("job") / "out"
    p = run_job(manifest, out)
    return out, p


def test_the_job_gives_the_clis_events(cli_events, job):
    events, _ = cli_events
    out, _ = job
    got = sorted(map(key, job_events(out)), key=repr)
    want = sorted(map(key, events), key=repr)
    assert got == want


def test_the_jobs_rows_are_khabar_code_parquets_column_for_column(corpus, job, tmp_path):
    """`khabar code --format parquet` writes the same rows: every column, ids and counts too."""
    _, paths, _, _ = corpus
    cli("code", "--format", "parquet", "-o", tmp_path / "c.parquet", *paths.values())
    canon = lambda rows: sorted(repr(sorted(r.items())) for r in rows)
    want = pq.read_table(tmp_path / "c.parquet").to_pylist()
    for r in want:
        r["date"] = r["date"].isoformat() if r["date"] is not None else None
    got = job_events(job[0])
    assert len(got) == len(want) > 10
    assert canon(got) == canon(want)


def test_ids_are_content_hashes_the_cli_also_gives(cli_events, job):
    events, _ = cli_events
    got = job_events(job[0])
    assert sorted(e["event_id"] for e in got) == sorted(e["event_id"] for e in events)
    # the story is the doc id's hash: the same for every event of a document, per document
    stories = {}
    for e in got:
        stories.setdefault(e["doc_id"], set()).add(e["story"])
    assert all(len(s) == 1 for s in stories.values())
    assert len({next(iter(s)) for s in stories.values()}) == len(stories)


def test_one_partition_folder_per_event_date(cli_events, job):
    events, _ = cli_events
    out, _ = job
    folders = {p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))}
    dates = {e.get("date") for e in events}
    want = {f"date={d}" if d else "date=__HIVE_DEFAULT_PARTITION__" for d in dates}
    assert folders == want and len(want) >= 6
    # every row sits in the folder of its own date
    for folder in folders:
        for f in (out / folder).glob("*.parquet"):
            assert "date" not in pq.read_schema(f).names


def test_bad_records_are_counted_as_failures(corpus, cli_events, job):
    _, _, bad, _ = corpus
    _, cli_failures = cli_events
    out, p = job
    failures = pq.read_table(out / "_failures").to_pylist()
    assert len(failures) == bad == cli_failures
    assert {Path(f["record"].rsplit(":", 1)[0]).name for f in failures} == {
        "stories.jsonl", "more-stories.jsonl.gz", "crawl.warc", "crawl-2.warc.gz"}
    assert all(f["reason"] for f in failures)
    assert f"{bad} failures" in p.stderr


def normalised(t):
    """A type with nullability left out and list items named alike (Spark writes `element`)."""
    if pa.types.is_list(t):
        return pa.list_(normalised(t.value_type))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, normalised(f.type)) for f in t])
    return t


def test_columns_and_types_are_khabar_exports(corpus, job, tmp_path):
    _, paths, _, _ = corpus
    db, parquet = tmp_path / "s.db", tmp_path / "e.parquet"
    cli("ingest", "--quiet", "--db", db, *paths.values())
    cli("export", "--format", "parquet", "--db", db, "-o", parquet, check_rc=(0,))
    export = pq.read_schema(parquet)
    part = ds.partitioning(pa.schema([("date", pa.date32())]), flavor="hive")
    ours = ds.dataset(str(job[0]), format="parquet", partitioning=part).schema
    assert sorted(ours.names) == sorted(export.names)
    for f in export:
        assert normalised(ours.field(f.name).type) == normalised(f.type), f.name
    assert export.field("published").type == pa.timestamp("ms", tz="UTC")
    # and the package's own schema is the export's, field for field
    assert khabar.event_schema().equals(export)


def test_a_rerun_overwrites_the_same_partitions(corpus, job):
    _, _, _, manifest = corpus
    out, _ = job
    before = sorted(map(repr, map(key, job_events(out))))
    run_job(manifest, out)
    assert sorted(map(repr, map(key, job_events(out)))) == before
    assert len(pq.read_table(out / "_failures")) == corpus[2]


def test_a_task_that_fails_once_leaves_the_output_exact(corpus, job, tmp_path):
    _, _, _, manifest = corpus
    marker = tmp_path / "fault-fired"
    out = tmp_path / "out"
    run_job(manifest, out, master="local[2,3]", env={"KHABAR_SPARK_FAULT_ONCE": str(marker)})
    assert marker.exists(), "the injected fault did not fire"
    assert sorted(map(repr, map(key, job_events(out)))) == sorted(map(repr, map(key, job_events(job[0]))))
    assert len(pq.read_table(out / "_failures")) == corpus[2]


def test_the_fault_fails_a_run_without_retries(corpus, tmp_path):
    """The injected fault is real: with one attempt per task (local[2]) the job fails."""
    _, _, _, manifest = corpus
    p = subprocess.run([sys.executable, "-m", "khabar.spark", str(manifest), str(tmp_path / "out"), "--master", "local[2]"],
                       capture_output=True, text=True, env={**os.environ, "KHABAR_SPARK_FAULT_ONCE": str(tmp_path / "m")},
                       timeout=600)
    assert p.returncode != 0 and "injected task failure" in p.stderr


def test_code_and_extract_give_what_the_cli_gives(tmp_path):
    i, d, text = fixtures.STORIES[3]
    rec = tmp_path / "one.jsonl"
    rec.write_text(json.dumps({"id": i, "text": text, "date": d}, ensure_ascii=False) + "\n")
    want = [json.loads(l) for l in cli("code", rec).stdout.splitlines()]
    assert want and khabar.code(text, date=d, id=i) == want
    page = tmp_path / "page.html"
    page.write_bytes(fixtures._html("Ministers sign accord", fixtures.PAGES[0][3]))
    want = json.loads(cli("extract", page).stdout)
    got = khabar.extract(page.read_bytes(), id="page")
    assert got == want and got["title"] == "Ministers sign accord"


def test_code_batch_of_records_equals_code_of_each(corpus):
    rows = [{"id": i, "text": t, "date": d} for i, d, t in fixtures.STORIES] + [{"id": "empty"}]
    events, failures = khabar.code_batch(pa.RecordBatch.from_pylist(rows))
    assert events.schema.equals(khabar.event_schema())
    want = [(e["doc_id"], e["cameo"], e["source"] and e["source"]["code"]) for r in rows[:-1]
            for e in khabar.code(r["text"], date=r["date"], id=r["id"])]
    got = [(r["doc_id"], r["cameo"], r["source"] and r["source"]["code"]) for r in events.to_pylist()]
    assert got == want
    assert failures.to_pylist() == [{"record": "row-5.jsonl:1", "reason": 'record has neither "text" nor "html" (see --map)'}]
    with pytest.raises(ValueError):
        khabar.code_batch(pa.RecordBatch.from_pylist([{"text": "no id"}]))
