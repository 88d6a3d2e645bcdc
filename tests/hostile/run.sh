#!/usr/bin/env bash
# The hostile corpus (issue 14): generate it (tools/hostile_corpus.py, not committed), run
# `khabar extract`, `code` and `ingest` over it, and check tests/hostile/check.py's rules.
#   tests/hostile/run.sh                 # a million tiny records, as in CI
#   TINY=10000 tests/hostile/run.sh      # quicker
# Builds the debug khabar (cargo test has, in CI). Needs ~700 MB in $TMPDIR for the corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q --bin khabar
out="$(mktemp -d "${TMPDIR:-/tmp}/khabar-hostile.XXXXXX")"
cleanup() { chmod -R u+rwx "$out" 2> /dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
chmod 755 "$out"
python3 tools/hostile_corpus.py "$out" --tiny "${TINY:-1000000}"
python3 tests/hostile/check.py --khabar target/debug/khabar --corpus "$out"
