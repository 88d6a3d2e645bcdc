#!/usr/bin/env python3
"""Runs `khabar extract`, `code` and `ingest` over the hostile corpus (tools/hostile_corpus.py),
one run per group of inputs and command, and checks the issue's rules:

  0 panics (no "panicked", no "internal error", exit code 0 or 1, never a signal);
  no run over 60 s; peak memory (max RSS of the run) at most 1 GB;
  every failing record of the manifest named on stderr;
  every valid record extracted, coded (an event when it has one) and stored.

    python3 tests/hostile/check.py --khabar target/debug/khabar --corpus /tmp/hostile

As root, the commands run as nobody (setpriv), so that unreadable files are unreadable.
Prints one row per run (seconds, peak MiB, records, stderr lines) and exits 1 on any breach.
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time

LIMIT_S = 60
LIMIT_KB = 1 << 20  # 1 GiB, as ru_maxrss counts (KiB)


def run(cmd, out_path, err_path, as_nobody):
    """Runs one command: seconds, peak RSS in KiB, exit code.

    The peak is read by /usr/bin/time, a small process: a child forked from this (large)
    Python process would count Python's pages in its own maximum RSS, even after exec.
    """
    if as_nobody:
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + cmd
    rss_path = err_path + ".rss"
    if os.path.exists("/usr/bin/time"):
        cmd = ["/usr/bin/time", "-q", "-f", "%M", "-o", rss_path] + cmd
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        killer = threading.Timer(2 * LIMIT_S, p.kill)  # a hang is cut, and reported as over the limit
        killer.start()
        _, status, usage = os.wait4(p.pid, 0)
        killer.cancel()
        secs = time.monotonic() - t0
        code = os.waitstatus_to_exitcode(status)
    kb = usage.ru_maxrss
    if os.path.exists(rss_path):
        lines = open(rss_path).read().split()
        kb = int(lines[-1]) if lines and lines[-1].isdigit() else kb
        # /usr/bin/time reports a signal as "Command terminated by signal N" and exits 0 or 1
        text = open(rss_path).read()
        if "signal" in text:
            code = -int(text.split("signal")[1].split()[0])
    return secs, kb, code


def stderr_names(text):
    """Every prefix `NAME` of a line `khabar: NAME: reason` that ends before a ': '."""
    names = set()
    for line in text.split("\n"):
        if not line.startswith("khabar: "):
            continue
        body = line[8:]
        at = body.find(": ")
        while at != -1:
            names.add(body[:at])
            at = body.find(": ", at + 1)
        names.add(body)
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", help="where outputs go (default CORPUS/work)")
    args = ap.parse_args()
    khabar = os.path.abspath(args.khabar)
    corpus = os.path.abspath(args.corpus)
    work = os.path.abspath(args.work or os.path.join(corpus, "work"))
    os.makedirs(work, exist_ok=True)
    as_nobody = os.geteuid() == 0
    if as_nobody:
        os.chmod(work, 0o777)
    manifest = json.load(open(os.path.join(corpus, "manifest.json")))
    db = os.path.join(work, "hostile.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    breaches = []
    extracted, coded, named = set(), set(), {"extract": set(), "code": set(), "ingest": set()}
    stderr_all = {"extract": [], "code": [], "ingest": []}
    rows = []
    print(f"{'group':<12} {'command':<8} {'s':>6} {'peak MiB':>9} {'exit':>4} {'out lines':>9} {'err lines':>9}")
    for group in manifest["groups"]:
        path = os.path.join(corpus, "inputs", group)
        for command, extra in [("extract", []), ("code", ["--all"]), ("ingest", ["--quiet", "--db", db])]:
            out_p = os.path.join(work, f"{group}.{command}.out")
            err_p = os.path.join(work, f"{group}.{command}.err")
            secs, kb, code = run([khabar, command] + extra + [path], out_p, err_p, as_nobody)
            err = open(err_p, encoding="utf-8", errors="replace").read()
            out_lines = 0
            with open(out_p, encoding="utf-8", errors="replace") as f:
                for line in f:
                    out_lines += 1
                    if command == "extract":
                        extracted.add(json.loads(line)["doc_id"])
                    elif command == "code":
                        coded.add(json.loads(line)["doc_id"])
            named[command] |= stderr_names(err)
            stderr_all[command].append(err)
            rows.append({"group": group, "command": command, "seconds": round(secs, 2), "peak_mib": round(kb / 1024, 1), "exit": code,
                         "out_lines": out_lines, "err_lines": err.count("\n")})
            print(f"{group:<12} {command:<8} {secs:6.1f} {kb / 1024:9.1f} {code:>4} {out_lines:>9} {err.count(chr(10)):>9}", flush=True)
            what = f"{group}/{command}"
            if code not in (0, 1):
                breaches.append(f"{what}: exit code {code}: {err.strip().splitlines()[-1:]}")
            for bad in ("panicked", "internal error", "RUST_BACKTRACE", "stack overflow"):
                if bad in err:
                    line = next(l for l in err.splitlines() if bad in l)
                    breaches.append(f"{what}: {bad}: {line[:300]}")
            if secs > LIMIT_S:
                breaches.append(f"{what}: {secs:.1f} s, over {LIMIT_S} s")
            if kb > LIMIT_KB:
                breaches.append(f"{what}: peak {kb / 1024:.0f} MiB, over 1 GiB")
    stored = {r[0] for r in sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("SELECT doc_id FROM articles")}
    for v in manifest["valid"]:
        i = v["id"]
        if i not in extracted:
            breaches.append(f"valid record {i!r} not extracted")
        if v["event"] and i not in coded:
            breaches.append(f"valid record {i!r} not coded (no event)")
        if i not in stored:
            breaches.append(f"valid record {i!r} not stored")
    for f in manifest["fail"]:
        n = f["name"]
        for command in named:
            # the record itself, or (for a file cut short) the element or line where it broke
            if n not in named[command] and not any(f"khabar: {n}{sep}" in e for e in stderr_all[command] for sep in ":["):
                breaches.append(f"failing record {n!r} not named on stderr by {command}")
    summary = {
        "inputs": {"files": manifest["files"], "valid_records": len(manifest["valid"]), "failing_records": len(manifest["fail"])},
        "runs": rows,
        "max_seconds": max(r["seconds"] for r in rows),
        "max_peak_mib": max(r["peak_mib"] for r in rows),
        "breaches": breaches,
    }
    json.dump(summary, open(os.path.join(work, "summary.json"), "w"), indent=1, ensure_ascii=False)
    print(f"\n{manifest['files']} files, {len(manifest['valid'])} valid records, {len(manifest['fail'])} failing records; "
          f"slowest run {summary['max_seconds']} s, largest peak {summary['max_peak_mib']} MiB")
    if breaches:
        print(f"{len(breaches)} breaches:", file=sys.stderr)
        for b in breaches[:40]:
            print("  " + b, file=sys.stderr)
        sys.exit(1)
    print("hostile corpus: all rules hold")


if __name__ == "__main__":
    main()
