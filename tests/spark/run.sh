#!/usr/bin/env bash
# The Python package and the Spark job (tests/spark/test_spark.py): makes a venv in
# target/sparkenv with requirements.txt, installs Java when `java` is missing (Debian's
# default-jre-headless), builds khabar (release, with Parquet) and the package, runs pytest.
#   tests/spark/run.sh [PYTEST ARGS]     # PYTHON=python3.12 to pick the interpreter
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v java > /dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless > /dev/null
fi
venv=target/sparkenv
if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r tests/spark/requirements.txt
# the package's own workspace builds into the main target folder, sharing its compiled crates
export CARGO_TARGET_DIR="$PWD/target"
cargo build -q --release -j2 -p khabar-cli --features parquet
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./python
KHABAR="$PWD/target/release/khabar" "$venv/bin/python" -m pytest -q tests/spark "$@"
