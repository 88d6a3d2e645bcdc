#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 3600: the issue's hour), from seeds made by
# tools/fuzz_seeds.py, and prints one line per target: executions, time, corpus size. Fails on
# a crash (the input is kept in fuzz/artifacts/TARGET/, the log in fuzz/logs/TARGET.log).
#   fuzz/run.sh                    # an hour per target
#   fuzz/run.sh 20                 # CI: 20 s per target
#   fuzz/run.sh 600 html dates     # some targets only
# Needs cargo-fuzz (installed if missing). On a stable toolchain RUSTC_BOOTSTRAP=1 lets it use
# the sanitizer flags. FUZZ_SANITIZER=none builds without AddressSanitizer (faster to build; the
# Rust code forbids `unsafe`, so ASan only watches the C in SQLite and zstd).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-3600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(charset html scraped dates readers field_map search_query api_query)
sanitizer="${FUZZ_SANITIZER:-address}"
command -v cargo-fuzz > /dev/null || cargo install -q --locked cargo-fuzz
python3 tools/fuzz_seeds.py
export RUSTC_BOOTSTRAP=1
cd fuzz
cargo fuzz build -O -s "$sanitizer"
mkdir -p logs
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  start=$(date +%s)
  # -timeout: an input taking over 10 s is a hang; -rss_limit_mb: over 2 GB is a leak or a bomb
  if cargo fuzz run -O -s "$sanitizer" "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=1 > "logs/$t.log" 2>&1; then result=ok; else result=CRASH; status=1; fi
  took=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' || true)
  [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "logs/$t.log" | tail -1 | tr -d '#')
  echo "fuzz $t: $result, ${execs:-?} executions in $took s, corpus $(ls "corpus/$t" | wc -l) inputs"
  if [ "$result" = CRASH ]; then grep -E 'panicked at|ERROR:|Test unit written' "logs/$t.log" | head -4; fi
done
exit $status
