#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 3600: the issue's hour), from seeds made by
# tools/fuzz_seeds.py; prints one line per target with its executions, and fails on a crash.
#   fuzz/run.sh            # an hour per target
#   fuzz/run.sh 20         # CI: 20 s per target
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain RUSTC_BOOTSTRAP=1 lets it
# use the nightly-only sanitizer flags.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-3600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(charset html scraped dates readers field_map search_query)
command -v cargo-fuzz > /dev/null || cargo install -q cargo-fuzz
python3 tools/fuzz_seeds.py
export RUSTC_BOOTSTRAP=1
cd fuzz
cargo fuzz build -O
mkdir -p logs
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: over 2 GB is a leak or a bomb
  if cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 > "logs/$t.log" 2>&1; then result=ok; else result=CRASH; status=1; fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' || echo '?')
  echo "fuzz $t: $result, $execs executions in $secs s, corpus $(ls "corpus/$t" | wc -l) inputs"
  if [ "$result" = CRASH ]; then grep -E 'ERROR|panicked|SUMMARY|Test unit written' "logs/$t.log" | head -5; fi
done
exit $status
