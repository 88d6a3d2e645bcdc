#!/usr/bin/env bash
# Spark benchmark: the whole SaudiNewsNet corpus (31,030 Arabic articles), converted to JSONL
# by scripts/saudinewsnet_jsonl.py, through the Spark job (`python -m khabar.spark`, local[2])
# and through `khabar ingest` on the same files and cores. Prints, for each, seconds,
# records/s, peak RSS of the largest process (/usr/bin/time -v) and the peak of the summed RSS
# of the whole process tree (JVM + Python workers, sampled every 0.2 s); then the ratio.
#
#   scripts/bench_spark.sh [CORPUS_DIR] [MASTER]
#
# CORPUS_DIR defaults to ../shared/data/corpora/saudinewsnet-ar, MASTER to local[2]. Needs the
# venv of tests/spark/run.sh (target/sparkenv, made by it if missing) and /usr/bin/time.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$here/../shared/data/corpora/saudinewsnet-ar}"
master="${2:-local[2]}"
cd "$here"
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
venv=target/sparkenv
if [[ ! -x "$venv/bin/python" ]]; then
  "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r tests/spark/requirements.txt
fi
export CARGO_TARGET_DIR="$PWD/target"
cargo build -q --release -p khabar-cli
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./python
KHABAR="$PWD/target/release/khabar"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

records=$(python3 scripts/saudinewsnet_jsonl.py "$corpus" "$tmp/jsonl" 2> /dev/null)
ls "$tmp"/jsonl/*.jsonl > "$tmp/manifest.txt"
echo "corpus: $records records in $(wc -l < "$tmp/manifest.txt") JSONL files ($(du -sh "$tmp/jsonl" | cut -f1))"

# runs "$@" under /usr/bin/time -v, sampling the summed RSS of its process tree; prints
# "seconds max_rss_mib tree_peak_mib"
measure() {
  local label="$1"; shift
  /usr/bin/time -v "$@" > "$tmp/$label.out" 2> "$tmp/$label.err" &
  local pid=$!
  python3 - "$pid" > "$tmp/$label.tree" <<'PY' &
import os, sys, time
root, peak = int(sys.argv[1]), 0
def children(p):
    try:
        with open(f"/proc/{p}/task/{p}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []
while os.path.exists(f"/proc/{root}"):
    todo, total = [root], 0
    while todo:
        p = todo.pop()
        todo += children(p)
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    peak = max(peak, total)
    time.sleep(0.2)
print(peak // 1024)
PY
  local sampler=$!
  wait "$pid" || [[ $? -eq 1 ]]   # 1: some records failed (the corpus has empty articles)
  wait "$sampler"
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$tmp/$label.err")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tmp/$label.err")
  echo "$secs $rss $(cat "$tmp/$label.tree")"
}

read -r i_secs i_rss i_tree < <(measure ingest "$KHABAR" ingest "$tmp/jsonl" --db "$tmp/bench.db" --quiet)
echo "khabar ingest:        ${i_secs} s, $(awk -v r="$records" -v s="$i_secs" 'BEGIN { printf "%.0f", r / s }') records/s, peak RSS ${i_rss} MiB (tree ${i_tree} MiB)"

read -r s_secs s_rss s_tree < <(measure spark "$venv/bin/python" -m khabar.spark "$tmp/manifest.txt" "$tmp/out" --master "$master")
# (Spark's progress bar ends its lines with CR only: the summary can follow it on one line)
summary=$(tr '\r' '\n' < "$tmp/spark.err" | grep '^khabar\.spark: ' || { tail -40 "$tmp/spark.err" >&2; exit 1; })
echo "$summary"
job=$(echo "$summary" | sed -nE 's/.* in ([0-9.]+) s into .*/\1/p')
echo "khabar.spark $master: ${s_secs} s (job ${job} s without starting Spark), $(awk -v r="$records" -v s="$s_secs" 'BEGIN { printf "%.0f", r / s }') records/s ($(awk -v r="$records" -v s="$job" 'BEGIN { printf "%.0f", r / s }') in the job), peak RSS ${s_rss} MiB of one process (tree ${s_tree} MiB)"
echo "ratio spark/ingest (records/s): $(awk -v a="$i_secs" -v b="$s_secs" 'BEGIN { printf "%.2f", a / b }') whole run, $(awk -v a="$i_secs" -v b="$job" 'BEGIN { printf "%.2f", a / b }') job only"
