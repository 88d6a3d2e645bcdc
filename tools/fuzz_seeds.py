#!/usr/bin/env python3
"""Seed corpora for the fuzz targets in fuzz/ (python stdlib only; the seeds are not committed).

    python3 tools/fuzz_seeds.py            # writes fuzz/corpus/<target>/seed-*

Each target gets small valid inputs of the shape it parses (pages in several charsets, scrapes
with datelines, dates in each language khabar reads, every archive and record format, field
maps, search queries), so libFuzzer starts from the interesting paths instead of from nothing.
"""
import gzip
import io
import json
import os
import subprocess
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "corpus")

AR = "دمشق 8 يوليو 2020 (شينخوا) وقعت سوريا والعراق اليوم الأربعاء اتفاقية للتعاون الاقتصادي في العاصمة."
EN = "DAMASCUS, July 8 (Xinhua) -- Syria and Iraq signed an economic cooperation agreement on Wednesday, officials said."
FR = "PARIS, 8 juillet 2020 (AFP) - La France et l'Allemagne ont signé un accord mardi."

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="{charset}">
<title>{title} - Example News</title>
<meta property="article:published_time" content="2020-07-08T10:00:00Z">
<meta name="author" content="Staff Writer">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}","datePublished":"2020-07-08"}}</script>
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1><p class="byline">By Staff Writer</p><time datetime="2020-07-08">July 8, 2020</time>
<p>{body}</p><p>{body}</p><p>{body}</p></article><footer>Related news | Share | Print</footer></body></html>"""

SCRAPE = "موقع المثال 2022:11:02.09:00:00\nآخر الأخبار\n\nتونس والجزائر توقعان اتفاقية (3)\n\n/مصدر: شينخوا/  2022:11:02.08:45\n\nاطبع\n\n" + AR + "\n\n【1】【2】【3】\n"

DATES = [
    "8 يوليو 2020", "٨ تموز ٢٠٢٠", "الأربعاء 8 جويلية 2020", "15 رمضان 1441 هـ", "أمس الاثنين", "الأسبوع الماضي",
    "July 8, 2020", "8 July 2020", "2020-07-08", "07/08/2020", "last Tuesday", "next month", "8 juillet 2020",
    "8 de julio de 2020", "2020年7月8日", "Wed, 08 Jul 2020 10:00:00 GMT", "2020-07-08T10:00:00+03:00",
]


def page(lang, charset, title, body):
    text = PAGE.format(lang=lang, charset=charset, title=title, body=body)
    codec = {"utf-8": "utf-8", "windows-1256": "cp1256", "iso-8859-1": "latin-1", "utf-16": "utf-16"}[charset]
    return text.encode(codec, errors="replace")


def gz(b):
    return gzip.compress(b, mtime=0)


def zipped(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


def warc(records):
    out = b""
    for uri, body in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2020-07-08T10:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, len(http))
        ).encode()
        out += head + http + b"\r\n\r\n"
    return out


def jsonl(n=3):
    recs = [{"id": f"r{i}", "url": f"http://e.x/{i}", "date": "2020-07-08", "lang": "ar" if i % 2 == 0 else "en",
             "title": "عنوان", "text": AR if i % 2 == 0 else EN} for i in range(n)]
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in recs).encode() + b"\n"


def zstd(b):
    try:
        return subprocess.run(["zstd", "-q", "-c"], input=b, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def write(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    pages = [
        page("ar", "utf-8", "غارات على جنوب لبنان", AR),
        page("ar", "windows-1256", "غارات على جنوب لبنان", AR),
        page("en", "utf-8", "Syria and Iraq sign a deal", EN),
        page("fr", "iso-8859-1", "Accord signé", FR),
        page("en", "utf-16", "UTF-16 page", EN),
        b"<p>unclosed <div><b>markup" * 20,
    ]
    for i, p in enumerate(pages):
        write("charset", f"seed-{i}", p)
        write("html", f"seed-{i}", p)
    write("charset", "seed-bom8", b"\xef\xbb\xbf" + AR.encode())
    write("charset", "seed-bom16", "\ufeff".encode("utf-16-le") + EN.encode("utf-16-le"))
    write("charset", "seed-nobom16", EN.encode("utf-16-le"))
    write("charset", "seed-lying", b'<meta charset="windows-1256">' + AR.encode())
    for i, t in enumerate([SCRAPE, AR, EN, FR, EN + "\n\nRelated news\nShare\nPrint\n\nPage 2 of 3\n"]):
        write("scraped", f"seed-{i}", t.encode())
    for i, t in enumerate(DATES + [AR, EN, FR]):
        write("dates", f"seed-{i}", t.encode())
    # readers: the first byte picks the name, as fuzz_targets/readers.rs lists them
    names = ["f.jsonl", "f.jsonl.gz", "f.jsonl.zst", "f.json", "f.json.gz", "f.warc", "f.warc.gz", "f.zip", "f.html.gz", "f.txt", "f.zip.gz"]
    arr = json.dumps([{"id": "a", "text": AR}, {"id": "b", "html": "<p>" + EN + "</p>"}], ensure_ascii=False).encode()
    w = warc([("http://e.x/1", pages[0]), ("http://e.x/2", pages[2])])
    z = zipped([("a.jsonl", jsonl()), ("b.html", pages[2]), ("c/d.json", arr), ("inner.zip", zipped([("x.txt", AR.encode())]))])
    seeds = {
        "f.jsonl": jsonl(), "f.jsonl.gz": gz(jsonl()), "f.jsonl.zst": zstd(jsonl()), "f.json": arr, "f.json.gz": gz(arr),
        "f.warc": w, "f.warc.gz": gz(w), "f.zip": z, "f.html.gz": gz(pages[0]), "f.txt": SCRAPE.encode(), "f.zip.gz": gz(z),
    }
    for name, data in seeds.items():
        if data is not None:
            write("readers", "seed-" + name, bytes([names.index(name)]) + data)
    for i, spec in enumerate(["text=content,date=date_extracted,url=url,title=title,site=source", "", "html=body,id=uid", "source=outlet"]):
        rec = {"content": AR, "body": "<p>" + EN + "</p>", "uid": 7, "date_extracted": "2015-07-21 10:00:00", "outlet": "okaz", "text": EN}
        write("field_map", f"seed-{i}", (spec + "\n" + json.dumps(rec, ensure_ascii=False) + "\n").encode())
    for i, q in enumerate(["امير الرياض", "school OR جدة", "minist*", "امير NOT school", "\"unbalanced", "NEAR(a b)",
                           "2015-07-01\t04\tSAU\nامير", "'; DROP TABLE articles; --", "a AND OR b", ""]):
        write("search_query", f"seed-{i}", q.encode())
    for i, q in enumerate(["from=2015-07-01&to=2015-07-31&country=sau&cameo=19", "actor=SAUGOV&root=14&quadclass=4&plover=PROTEST",
                           "q=%D8%A7%D9%85%D9%8A%D8%B1&sort=date&limit=5", "cursor=2015-07-21.42&limit=0", "story=7&q=%22unbalanced",
                           "from=2015-13-45", "country=SAU&country=YEM", "limit=99999999999999999999", "q=NEAR(a%20b)&cameo=1%27%20OR%201=1", ""]):
        write("api_query", f"seed-{i}", q.encode())
    print("seeds in", os.path.normpath(ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
