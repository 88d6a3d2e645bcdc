#!/usr/bin/env bash
# Browser tests of `khabar serve` (tests/browser/test_page.py): builds khabar and a store of the
# server's fixture, starts `khabar serve`, and drives Debian's Chromium headless through
# Playwright (its Python package only: the browser is /usr/bin/chromium, nothing is downloaded).
# Screenshots go to target/browser/.
#   tests/browser/run.sh                       # needs: apt-get install -y chromium
#   KHABAR=target/release/khabar tests/browser/run.sh --first-render DB   # time the first render over another store
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v "${CHROMIUM:-/usr/bin/chromium}" > /dev/null || { echo "no chromium: apt-get install -y chromium" >&2; exit 1; }
venv=target/browserenv
if [ ! -x "$venv/bin/python" ]; then
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r tests/browser/requirements.txt
cargo build -q -j2 -p khabar-cli
cargo build -q -j2 -p khabar-server --example fixture_store
mkdir -p target/browser
if [ "${1:-}" != "--first-render" ]; then
  target/debug/examples/fixture_store target/browser/fixture.db 2> /dev/null
fi
KHABAR="${KHABAR:-$PWD/target/debug/khabar}" "$venv/bin/python" tests/browser/test_page.py "$@"
