#!/usr/bin/env bash
# khabar's outputs read by pandas, pyarrow, DuckDB and sqlite3 (tests/python/test_outputs.py).
# Makes a venv in target/pyenv with requirements.txt, builds khabar with Parquet, runs the suite.
#   tests/python/run.sh            # from anywhere; PYTHON=python3.12 to pick the interpreter
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/pyenv
if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r tests/python/requirements.txt
cargo build -q -j2 -p khabar-cli --features parquet
KHABAR="$PWD/target/debug/khabar" "$venv/bin/python" tests/python/test_outputs.py
