#!/usr/bin/env python3
"""A hostile corpus, generated (python stdlib only; nothing of it is committed).

    python3 tools/hostile_corpus.py OUT [--tiny 1000000] [--seed 14]

writes OUT/inputs/<group>/… and OUT/manifest.json. Each group is one kind of trouble the issue
lists (binary junk, NUL bytes, empty and truncated files, gzip and zip bombs, nested archives,
`../` zip names, a 200 MB page, a 50 MB line, 100,000-deep nesting, unclosed markup, invalid
UTF-8, lying charsets, UTF-16 without BOM, JSON of wrong types, a million tiny records, WARC
records with bad Content-Length, bidi and zero-width characters, odd file names, symlink loops,
unreadable files, FIFOs), mixed with valid records this script writes itself.

The manifest says what khabar must do with each input, for tests/hostile/check.py:
  valid  {"id": doc_id, "event": bool}  extracted, coded (an event when "event"), stored
  fail   {"name": record name}           named on stderr (the name as khabar prints it)
Everything else is only held to the global rules: no panic, no run over 60 s, ≤ 1 GB.
"""
import argparse
import gzip
import io
import json
import os
import random
import stat
import zipfile

PAIRS = [("Norway", "Russia"), ("Japan", "Peru"), ("Chile", "Vietnam"), ("Kenya", "Egypt"), ("Brazil", "Canada"),
         ("Poland", "Turkey"), ("Mexico", "Sweden"), ("India", "Nigeria")]
AR_EVENT = "شنت طائرات حربية إسرائيلية غارات على مواقع في جنوب لبنان أمس الأربعاء، بحسب مصادر أمنية."
ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"]


class Corpus:
    def __init__(self, out, rng):
        self.root = os.path.join(out, "inputs")
        self.out = out
        self.rng = rng
        self.valid = []
        self.fail = []
        self.n = 0
        self.files = 0

    def path(self, group, name):
        d = os.path.join(self.root, group, os.path.dirname(name))
        os.makedirs(d, exist_ok=True)
        return os.path.join(self.root, group, name)

    def write(self, group, name, data):
        p = self.path(group, name)
        with open(p, "wb") as f:
            f.write(data)
        self.files += 1
        return p

    def text(self, lang=None):
        """A unique valid article: an event sentence and a numbered one (so no two share a text)."""
        self.n += 1
        if (lang or self.rng.choice("ae")) == "a":
            body = (f"{AR_EVENT} وقال مصدر إن الرقم المرجعي للتقرير هو {self.n}.\n\n"
                    "وأضاف المصدر أن المحادثات بين الحكومتين ستستمر الأسبوع المقبل في العاصمة.")
        else:
            a, b = self.rng.choice(PAIRS)
            body = (f"{a} condemned {b} over the missile test. The report number was {self.n}.\n\n"
                    "Officials of both governments said that the talks would continue in the capital next week.")
        return self.n, body

    def valid_id(self, doc_id, event=True):
        self.valid.append({"id": doc_id, "event": event})

    def failing(self, name):
        self.fail.append({"name": name})

    def page(self, body, charset="utf-8", title="A report"):
        paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        lang = "ar" if "غارات" in body else "en"
        return (f'<!doctype html><html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title></head><body>'
                f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paras}</article><footer>Share</footer></body></html>")

    def record(self, doc_id, body):
        return json.dumps({"id": doc_id, "text": body, "date": "2020-07-08"}, ensure_ascii=False)


def gz(b):
    return gzip.compress(b, compresslevel=6, mtime=0)


def zipped(entries, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, (2020, 7, 8, 0, 0, 0)), data, compress_type=method)
    return buf.getvalue()


def warc_record(uri, body, length=None, wtype="response"):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    n = len(http) if length is None else length
    head = (f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2020-07-08T10:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {n}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def valid_files(c, group, k):
    """k valid records in every container khabar reads."""
    for i in range(k):
        n, body = c.text()
        kind = i % 8
        if kind == 0:
            c.write(group, f"valid-{n}.txt", body.encode())
            c.valid_id(f"valid-{n}")
        elif kind == 1:
            c.write(group, f"valid-{n}.html", c.page(body).encode())
            c.valid_id(f"valid-{n}")
        elif kind == 2:
            c.write(group, f"valid-{n}.html", c.page(body, "windows-1256").encode("cp1256", errors="replace") if "ش" in body else c.page(body).encode())
            c.valid_id(f"valid-{n}")
        elif kind == 3:
            c.write(group, f"valid-{n}.html.gz", gz(c.page(body).encode()))
            c.valid_id(f"valid-{n}")
        elif kind == 4:
            c.write(group, f"valid-{n}.jsonl.gz", gz((c.record(f"valid-{n}", body) + "\n").encode()))
            c.valid_id(f"valid-{n}")
        elif kind == 5:
            c.write(group, f"valid-{n}.json", json.dumps([{"id": f"valid-{n}", "html": c.page(body)}], ensure_ascii=False).encode())
            c.valid_id(f"valid-{n}")
        elif kind == 6:
            c.write(group, f"valid-{n}.warc.gz", gz(warc_record(f"http://valid.example/{n}", c.page(body).encode())))
            c.valid_id(f"http://valid.example/{n}")
        else:
            c.write(group, f"valid-{n}.zip", zipped([(f"valid-{n}.txt", body.encode())]))
            c.valid_id(f"valid-{n}")


def junk(c):
    exts = ["txt", "html", "json", "jsonl", "warc", "zip", "html.gz", "jsonl.gz", "warc.gz", "json.gz"]
    for i in range(200):
        ext = exts[i % len(exts)]
        size = c.rng.randint(1, 32768)
        data = c.rng.randbytes(size)
        if ext in ("json", "jsonl", "warc"):
            data = b"\x00\x01" + data  # never a JSON opening brace or a WARC line by chance
        p = c.write("junk", f"junk-{i}.{ext}", data)
        c.failing(p)
    valid_files(c, "junk", 16)


def nul(c):
    for i in range(40):
        n, body = c.text("e")
        b = body.encode()
        at = c.rng.randint(0, len(b))
        p = c.write("nul", f"nul-{i}.txt", b[:at] + b"\x00" * c.rng.randint(1, 64) + b[at:])
    for i in range(10):
        c.failing(c.write("nul", f"zeros-{i}.txt", b"\x00" * (1 + i * 997)))
    valid_files(c, "nul", 8)


def empty(c):
    for ext in ["txt", "html", "htm", "json", "jsonl", "ndjson", "warc", "zip", "html.gz", "jsonl.gz", "warc.gz", "json.gz", "txt.gz"]:
        for i in range(4):
            c.failing(c.write("empty", f"empty-{i}.{ext}", b""))
    valid_files(c, "empty", 8)


def truncated(c):
    for i in range(100):
        n, body = c.text()
        kind = i % 5
        if kind == 0:
            data, name = gz(c.page(body).encode() * 20), f"cut-{i}.html.gz"
        elif kind == 1:
            data, name = zipped([(f"a-{i}.txt", body.encode() * 20), (f"b-{i}.txt", body.encode())]), f"cut-{i}.zip"
        elif kind == 2:
            data, name = json.dumps([{"id": f"x{i}", "text": body}] * 5, ensure_ascii=False).encode(), f"cut-{i}.json"
        elif kind == 3:
            data, name = warc_record(f"http://cut.example/{i}", c.page(body).encode()), f"cut-{i}.warc"
        else:
            data, name = gz((c.record(f"x{i}", body) + "\n").encode() * 20), f"cut-{i}.jsonl.gz"
        cut = c.rng.randint(1, len(data) - 2)
        if kind == 3:
            cut = c.rng.randint(len(data) - len(c.page(body).encode()) - 4, len(data) - 6)
        if kind == 0:
            cut = min(cut, len(data) - 9)  # lose at least the trailer
        p = c.write("truncated", name, data[:cut])
        c.failing(p)
    valid_files(c, "truncated", 8)


def bombs(c):
    # gzip: 1 GiB of zeros as 64 members of 16 MiB (a few KiB on disk)
    member = gzip.compress(b"\x00" * (16 << 20), compresslevel=9, mtime=0)
    c.failing(c.write("bombs", "bomb.html.gz", member * 64))
    c.failing(c.write("bombs", "bomb.jsonl.gz", member * 64))
    c.failing(c.write("bombs", "bomb.warc.gz", member * 64))
    # zip: one 512 MiB entry of zeros beside valid entries
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        n, body = c.text()
        z.writestr(f"valid-{n}.txt", body.encode())
        c.valid_id(f"valid-{n}")
        with z.open("bomb.html", "w", force_zip64=True) as f:
            block = b"<p>" + b"a" * (1 << 20)
            for _ in range(512):
                f.write(block)
        n, body = c.text()
        z.writestr(f"valid-{n}.txt", body.encode())
        c.valid_id(f"valid-{n}")
    p = c.write("bombs", "bomb.zip", buf.getvalue())
    c.failing(p + ":bomb.html")
    # nested archives: a zip in a zip is read, one more level is refused
    n, body = c.text()
    inner = zipped([(f"valid-{n}.txt", body.encode())])
    c.valid_id(f"valid-{n}")
    c.write("bombs", "nest2.zip", zipped([("inner.zip", inner)]))
    p = c.write("bombs", "nest3.zip", zipped([("mid.zip", zipped([("inner.zip", inner)]))]))
    c.failing(p + ":mid.zip:inner.zip")
    n, body = c.text()
    c.write("bombs", "gz-in-zip.zip", zipped([(f"valid-{n}.html.gz", gz(c.page(body).encode()))]))
    c.valid_id(f"valid-{n}")
    # zip entries named to escape: read as records, never written anywhere
    entries = []
    for name in ["../../{}.txt", "/abs/{}.txt", "a/../../{}.txt", "..\\..\\{}.txt", "./{}.txt"]:
        n, body = c.text()
        entries.append((name.format(f"valid-{n}"), body.encode()))
        c.valid_id(f"valid-{n}")
    c.write("bombs", "slip.zip", zipped(entries))
    # 5,000 tiny entries
    c.write("bombs", "many.zip", zipped([(f"e{i}.txt", b"x") for i in range(5000)], zipfile.ZIP_STORED))


def big(c):
    para = ("<p>" + "The committee met again on Monday to discuss the budget of the regional water board. " * 8 + "</p>\n").encode()
    p = c.path("big", "page-200mb.html")
    with open(p, "wb") as f:
        f.write(b"<html><body>")
        chunk = para * ((1 << 20) // len(para) + 1)
        for _ in range(200):
            f.write(chunk)
    c.files += 1
    c.failing(p)
    p = c.path("big", "line-50mb.txt")
    with open(p, "wb") as f:
        f.write(b"word " * (10 << 20))
    c.files += 1
    c.failing(p)
    p = c.path("big", "line-50mb.jsonl")
    with open(p, "wb") as f:
        n, body = c.text()
        f.write((c.record(f"valid-{n}", body) + "\n").encode())
        c.valid_id(f"valid-{n}")
        f.write(b'{"id": "long", "text": "' + b"word " * (10 << 20) + b'"}\n')
        c.failing(p + ":2")
        n, body = c.text()
        f.write((c.record(f"valid-{n}", body) + "\n").encode())
        c.valid_id(f"valid-{n}")
    c.files += 1
    # a big page under the cap, of real paragraphs: read, extracted and coded
    n, body = c.text("e")
    filler = "".join(f"<div class='c'><p>Paragraph {k} of a long report on the regional water board and its budget.</p></div>" for k in range(20000))
    c.write("big", f"valid-{n}.html", c.page(body).replace("</article>", filler + "</article>").encode())
    c.valid_id(f"valid-{n}", event=False)


def deep(c):
    d = 100_000
    n, body = c.text("e")
    c.write("deep", "div-100k.html", ("<html><body>" + "<div>" * d + c.page(body) + "</div>" * d + "</body></html>").encode())
    c.write("deep", "b-unclosed-100k.html", ("<html><body>" + "<b><i>" * d + body).encode())
    c.failing(c.write("deep", "array-100k.json", b"[" * d + b"]" * d))
    p = c.write("deep", "deep.jsonl", "\n".join([
        json.dumps({"id": "deep", "text": "x", "extra": "@"}).replace('"@"', "[" * d + "]" * d),
        c.record(f"valid-{c.n + 1}", c.text()[1]),
        "{" * d,
    ]).encode() + b"\n")
    c.valid_id(f"valid-{c.n}")
    c.failing(p + ":1")
    c.failing(p + ":3")
    p = c.write("deep", "deep-elem.json", ("[" + json.dumps({"id": "deep", "text": "x", "extra": "@"}).replace('"@"', "[" * d + "]" * d) + "," + c.record(f"valid-{c.n + 1}", c.text()[1]) + "]").encode())
    c.valid_id(f"valid-{c.n}")
    c.failing(p + "[0]")


def markup(c):
    shapes = ["<p>{b}", "<html><body><div><p>{b}<div><span>", "<!-- {b}", "<script>{b}", "<title>{b}", "<p>{b}</p><p",
              "<p>{b}</p><![CDATA[", "<p>{b}</p><a href='", "<table><tr><td>{b}", "<p>{b}</p>&#99999999999;&#x110000;&;",
              "<svg><foreignObject><p>{b}", "<p>{b}</p><style>", "<<<<>>>><p>{b}", "<p attr=\"{b}"]
    for i in range(56):
        n, body = c.text()
        c.write("markup", f"unclosed-{i}.html", shapes[i % len(shapes)].format(b=body.replace("\n\n", "</p><p>")).encode())
    valid_files(c, "markup", 8)


def encodings(c):
    for i in range(30):
        n, body = c.text()
        b = bytearray(body.encode())
        for _ in range(4):
            at = c.rng.randint(0, len(b))
            b[at:at] = c.rng.choice([b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80\x80", b"\xf4\x90\x80\x80", b"\xe2\x82"])
        c.write("encodings", f"bad-utf8-{i}.txt", bytes(b))
    for i in range(20):
        n, body = c.text("a")
        page = c.page(body)
        lie = ["windows-1256", "utf-8", "shift_jis", "utf-16", "x-no-such-charset", "iso-8859-1"][i % 6]
        real = ["utf-8", "cp1256", "utf-8", "utf-8", "cp1256", "utf-8"][i % 6]
        c.write("encodings", f"lying-{i}.html", page.replace('charset="utf-8"', f'charset="{lie}"').encode(real, errors="replace"))
    for i in range(20):
        n, body = c.text()
        enc = "utf-16-le" if i % 2 == 0 else "utf-16-be"
        c.write("encodings", f"utf16-nobom-{i}.txt" if i % 4 < 2 else f"utf16-nobom-{i}.html",
                (body if i % 4 < 2 else c.page(body)).encode(enc))
        c.valid_id(f"utf16-nobom-{i}")
    valid_files(c, "encodings", 8)


def json_types(c):
    wrong = ['"just a string"', "42", "[1, 2]", "true", "null", '{"text": null}', '{"text": ["a"]}', '{"text": {"a": 1}}',
             '{"html": 5.5e300}', '{"id": "x", "title": "no body"}', '{"text": 1e999}', '{"text": "\\ud800"}',
             '{"text": "a", "text": "b"', '{"id": ', "{'text': 'single quotes'}", '{"text": "unterminated}']
    lines, arr = [], []
    for i in range(120):
        if i % 3 == 0:
            n, body = c.text()
            rec = {"id": f"valid-{n}", "text": body, "url": [1, 2] if i % 2 else 5, "date": {"y": 2020}, "title": None, "lang": 7}
            lines.append(json.dumps(rec, ensure_ascii=False))
            c.valid_id(f"valid-{n}")
        else:
            lines.append(wrong[i % len(wrong)])
    p = c.write("json", "types.jsonl", ("\n".join(lines) + "\n").encode())
    for k, line in enumerate(lines, 1):
        if not line.startswith('{"id": "valid-'):
            c.failing(f"{p}:{k}")
    for i in range(120):
        if i % 3 == 0:
            n, body = c.text()
            arr.append(json.dumps({"id": f"valid-{n}", "html": c.page(body), "site": ["x"]}, ensure_ascii=False))
            c.valid_id(f"valid-{n}")
        else:
            arr.append(wrong[i % 11])
    p = c.write("json", "types.json", ("[" + ",\n".join(arr) + "]").encode())
    for k, e in enumerate(arr):
        if not e.startswith('{"id": "valid-'):
            c.failing(f"{p}[{k}]")


def tiny(c, count):
    p = c.path("tiny", "tiny.jsonl")
    shapes = ["{}", "[]", "1", '""', '{"text": null}', '{"id": 1}']
    with open(p, "w") as f:
        for i in range(count):
            if i % 50 == 0:
                f.write('{"id": "tiny-%d", "text": "x%d"}\n' % (i, i))
                c.valid_id(f"tiny-{i}", event=False)
            else:
                f.write(shapes[i % len(shapes)] + "\n")
                c.failing(f"{p}:{i + 1}")
    c.files += 1


def warc(c):
    for i in range(100):
        n, body = c.text()
        good = warc_record(f"http://warc.example/{n}", c.page(body).encode())
        c.valid_id(f"http://warc.example/{n}")
        n2, body2 = c.text()
        payload = c.page(body2).encode()
        bad_len = [str(10 ** 12), "-5", "abc", "", "99999999999999999999999", str(len(payload) * 4), "7", "0x10", " 12 "][i % 9]
        bad = warc_record(f"http://warc.example/bad-{n2}", payload).replace(
            b"Content-Length: %d" % (len(payload) + len(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")),
            b"Content-Length: " + bad_len.encode())
        p = c.write("warc", f"w-{i}.warc", good + bad)
        if bad_len in ("7", " 12 "):
            continue  # framing lost part-way: what follows is reported, whichever record it names
        c.failing(f"{p}:2")


def bidi(c):
    for i in range(60):
        n, body = c.text()
        marks = BIDI + ZW
        words = body.split(" ")
        body = " ".join(w + (c.rng.choice(marks) if c.rng.random() < 0.5 else "") for w in words)
        c.write("bidi", f"valid-{n}.txt", ("\u202e" + body + "\u202c").encode())
        c.valid_id(f"valid-{n}")
    for i in range(20):
        n, body = c.text()
        c.write("bidi", f"inside-{i}.txt", "".join(ch + (c.rng.choice(ZW) if c.rng.random() < 0.3 else "") for ch in body).encode())


def names(c):
    odd = ["with space {}", "tab\t{}", "newline\n{}", "-dash-{}", "--{}", "quote'\"{}", ";rm -rf {}", "$(touch x){}",
           "عربي-{}", "emoji-\U0001F600-{}", "back\\slash-{}", "percent%s%n-{}", "colon:{}", "{}" + "x" * 200, " lead-{}", "trail-{} ",
           "\u202eevil-{}", "ctl\x01\x7f-{}", "star*?[-{}"]
    for i in range(57):
        n, body = c.text()
        stem = odd[i % len(odd)].format(f"valid-{n}")
        c.write("names", stem + ".txt", body.encode())
        c.valid_id(stem)
    # a name that is not UTF-8
    n, body = c.text()
    d = c.path("names", "")
    with open(os.path.join(d.encode(), b"latin1-\xe9-" + f"valid-{n}.txt".encode()), "wb") as f:
        f.write(body.encode())
    c.valid_id("latin1-\ufffd-" + f"valid-{n}")
    c.files += 1


def links(c):
    base = os.path.dirname(c.path("links", "d/x"))
    os.symlink("..", os.path.join(base, "loop"))
    os.symlink(".", os.path.join(base, "self"))
    os.symlink("self-link.txt", os.path.join(base, "self-link.txt"))
    os.symlink("a-link.txt", os.path.join(base, "b-link.txt"))
    os.symlink("b-link.txt", os.path.join(base, "a-link.txt"))
    os.symlink("/nonexistent/file.txt", os.path.join(base, "dangling.txt"))
    for name in ["self-link.txt", "a-link.txt", "b-link.txt", "dangling.txt"]:
        c.failing(os.path.join(base, name))
    valid_files(c, "links/d", 8)


def unreadable(c):
    for i in range(10):
        n, body = c.text()
        p = c.write("unreadable", f"locked-{i}.txt", body.encode())
        os.chmod(p, 0)
        c.failing(p)
    d = os.path.dirname(c.path("unreadable", "locked-dir/x"))
    with open(os.path.join(d, "inside.txt"), "w") as f:
        f.write("hidden")
    os.chmod(d, 0)
    c.failing(d)
    valid_files(c, "unreadable", 8)


def fifos(c):
    for ext in ["txt", "jsonl", "html", "warc.gz", "zip"]:
        p = c.path("fifos", f"pipe.{ext}")
        os.mkfifo(p)
        c.failing(p)
    valid_files(c, "fifos", 8)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--tiny", type=int, default=1_000_000, help="records in the file of tiny records")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    c = Corpus(args.out, random.Random(args.seed))
    groups = {"junk": junk, "nul": nul, "empty": empty, "truncated": truncated, "bombs": bombs, "big": big, "deep": deep,
              "markup": markup, "encodings": encodings, "json": json_types, "warc": warc, "bidi": bidi, "names": names,
              "links": links, "unreadable": unreadable, "fifos": fifos, "valid": lambda c: valid_files(c, "valid", 200),
              "tiny": lambda c: tiny(c, args.tiny)}
    for fn in groups.values():
        fn(c)
    manifest = {"groups": list(groups), "valid": c.valid, "fail": c.fail, "files": c.files}
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, ensure_ascii=False)
    inputs = c.files + len(c.valid) + len(c.fail)
    print(f"{c.files} files, {len(c.valid)} valid records, {len(c.fail)} failing records in {args.out}")


if __name__ == "__main__":
    main()
