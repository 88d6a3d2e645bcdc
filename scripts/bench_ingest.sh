#!/usr/bin/env bash
# Ingest benchmark: the SaudiNewsNet corpus (31,030 Arabic articles, zips of JSON arrays)
# into a fresh store, then once more to show the second ingest adds nothing.
# Prints seconds, articles/s and peak RSS (from /usr/bin/time -v), and `khabar stats`
# after each run.
#
#   scripts/bench_ingest.sh [CORPUS_DIR] [DB]
#
# CORPUS_DIR defaults to ../shared/data/corpora/saudinewsnet-ar (beside the repo);
# DB defaults to a temporary file, removed at the end. KHABAR names a prebuilt binary;
# otherwise a release build is made (CARGO_TARGET_DIR is respected).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$here/../shared/data/corpora/saudinewsnet-ar}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
db="${2:-$tmp/bench.db}"
map="text=content,date=date_extracted,url=url,title=title,site=source"

if [[ -z "${KHABAR:-}" ]]; then
    (cd "$here" && cargo build --release -q -p khabar-cli)
    KHABAR="${CARGO_TARGET_DIR:-$here/target}/release/khabar"
fi
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
rm -f "$db" "$db-wal" "$db-shm"

run() {
    local label="$1"
    # exit code 1 only says some records failed (the corpus has empty articles); 2 is an error
    /usr/bin/time -v "$KHABAR" ingest "$corpus" --db "$db" --map "$map" --quiet \
        2> >(grep -v '^khabar: .*: ' > "$tmp/$label.err") || [[ $? -eq 1 ]]
    wait
    local secs rss
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$tmp/$label.err")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tmp/$label.err")
    grep '^khabar ingest:' "$tmp/$label.err" || true
    local stats articles
    stats=$("$KHABAR" stats --db "$db")
    articles=$(echo "$stats" | sed -E 's/.*"articles":([0-9]+).*/\1/')
    echo "$label: ${secs} s, peak RSS ${rss} MiB, $(awk -v a="$articles" -v s="$secs" 'BEGIN { printf "%.0f", a / s }') stored articles/s"
    echo "$label stats: $stats"
}

echo "corpus: $corpus ($(nproc) cores)"
run first
run second
