"""Fixtures of the Spark tests, written here for the project (no text copied from elsewhere):
a JSONL corpus, the same kind gzipped, a WARC and a WARC.gz of HTML pages, each with planted
bad records whose number the tests know."""

import gzip
import json

# (id, date, text): short stories in English and Arabic that khabar codes into events on
# several days
STORIES = [
    ("en-1", "2024-03-05", "Israeli jets struck targets in Gaza on Monday, killing three people, "
                           "local officials said. Egypt condemned the strikes."),
    ("en-2", "2021-03-04", "Peru and Chile signed a border treaty in Lima on Tuesday. "
                           "The presidents of both countries praised the agreement."),
    ("en-3", "2023-06-12", "Police arrested twelve protesters in Nairobi on Sunday after a march "
                           "against rising prices turned violent."),
    ("ar-1", "2024-01-10", "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم الأربعاء "
                           "وزير الخارجية الأردني، وبحثا العلاقات الثنائية."),
    ("ar-2", "2022-11-20", "قصفت الطائرات الروسية مواقع في ريف إدلب يوم الأحد، ما أسفر عن مقتل "
                           "خمسة مدنيين، بحسب مصادر محلية."),
]

PAGES = [
    ("http://news.example/world/treaty", "2024-02-14T08:30:00Z", "Ministers sign accord",
     "Germany and France signed an energy agreement in Berlin on Tuesday, officials said."),
    ("http://news.example/world/raid", "2024-02-15T09:00:00Z", "Raid near the border",
     "Turkish forces attacked Kurdish fighters in northern Iraq on Wednesday, the army said."),
    ("http://akhbar.example/ar/visit", "2024-02-16T07:00:00Z", "زيارة رسمية",
     "التقى وزير الخارجية السعودي نظيره الفرنسي في الرياض أمس الخميس وبحثا الأوضاع في المنطقة."),
]

JSONL_BAD = 2  # a line that is not JSON, a record with neither text nor html
WARC_BAD = 2   # a response whose block is not HTTP, a response with an empty body


def write_jsonl(path, stories, compress=False):
    lines = [json.dumps({"id": i, "text": t, "date": d}, ensure_ascii=False) for i, d, t in stories]
    lines.insert(2, "this line is not JSON {")
    lines.append(json.dumps({"id": "no-text", "date": "2024-01-01", "title": "nothing"}))
    data = ("\n".join(lines) + "\n").encode()
    if compress:
        data = gzip.compress(data)
    with open(path, "wb") as f:
        f.write(data)


def _html(title, body):
    return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>").encode()


def _record(uri, date, block, n, ctype="application/http; msgtype=response"):
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def write_warc(path, pages, compress=False, host_suffix=""):
    """A WARC of HTTP responses (one gzip member per record when compressed), plus two bad
    responses."""
    records = []
    for n, (uri, date, title, body) in enumerate(pages):
        html = _html(title, body)
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + \
            f"Content-Length: {len(html)}\r\n\r\n".encode() + html
        records.append(_record(uri + host_suffix, date, http, n))
    records.append(_record("http://news.example/broken" + host_suffix, "2024-02-17T00:00:00Z",
                           b"this is not an HTTP response at all", 90))
    records.append(_record("http://news.example/empty" + host_suffix, "2024-02-17T00:00:00Z",
                           b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", 91))
    with open(path, "wb") as f:
        for r in records:
            f.write(gzip.compress(r) if compress else r)


def write_all(folder):
    """Writes the four fixture files into ``folder``; returns their paths and the number of
    planted bad records."""
    paths = {
        "jsonl": folder / "stories.jsonl",
        "jsonl.gz": folder / "more-stories.jsonl.gz",
        "warc": folder / "crawl.warc",
        "warc.gz": folder / "crawl-2.warc.gz",
    }
    write_jsonl(paths["jsonl"], STORIES)
    write_jsonl(paths["jsonl.gz"], [(i + "-gz", d, t) for i, d, t in STORIES[:3]], compress=True)
    write_warc(paths["warc"], PAGES)
    write_warc(paths["warc.gz"], PAGES[:2], compress=True, host_suffix="?copy=2")
    return paths, 2 * JSONL_BAD + 2 * WARC_BAD
