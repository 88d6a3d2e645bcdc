#!/usr/bin/env python3
"""SaudiNewsNet (zips of JSON arrays, one per day) as JSONL files in khabar's record fields, for
the Spark job (whose manifest lists WARC or JSONL files) and scripts/bench_spark.sh.

    python3 scripts/saudinewsnet_jsonl.py ZIP_DIR OUT_DIR [--per-file 1000]

Each article becomes {"id", "text", "date", "url", "title", "site", "author"}: the fields
`khabar ingest --map text=content,date=date_extracted,url=url,title=title,site=source` reads
from the zips, and the id `khabar ingest` gives the article there (`<day>:<index>`), so the
JSONL files code to the same events as the zips. Writes OUT_DIR/part-NNNNN.jsonl of at most
--per-file articles (several files a day keep both cores busy to the end) and prints the
number of articles and files.
"""
import argparse
import json
import sys
import zipfile
from pathlib import Path


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("zips", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--per-file", type=int, default=1000)
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    fields = {"text": "content", "date": "date_extracted", "url": "url", "title": "title", "site": "source", "author": "author"}
    buf, files, total = [], 0, 0

    def flush():
        nonlocal buf, files
        if buf:
            (args.out / f"part-{files:05d}.jsonl").write_text("".join(buf), encoding="utf-8")
            files += 1
            buf = []

    for z in sorted(args.zips.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                stem = Path(name).name.split(".")[0]
                for i, a in enumerate(json.loads(zf.read(name))):
                    rec = {"id": f"{stem}:{i}"}
                    rec.update({k: a[v] for k, v in fields.items() if isinstance(a.get(v), str)})
                    buf.append(json.dumps(rec, ensure_ascii=False) + "\n")
                    total += 1
                    if len(buf) >= args.per_file:
                        flush()
    flush()
    print(f"{total} articles in {files} files", file=sys.stderr)
    print(total)


if __name__ == "__main__":
    main()
