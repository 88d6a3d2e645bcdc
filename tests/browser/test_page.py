#!/usr/bin/env python3
"""`khabar serve`'s page in a real headless Chromium (Debian's), driven by Playwright.

Run through tests/browser/run.sh, which builds khabar and the fixture store
(crates/khabar-server/tests/fixtures/store.jsonl) first. Every check compares the page with what
the API says of the same store, so a broken map, brush, list or evidence panel fails here.

    KHABAR=target/debug/khabar python tests/browser/test_page.py            # the checks
    KHABAR=target/release/khabar python tests/browser/test_page.py --first-render sn.db   # timing only
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def start_server(db):
    """`khabar serve` on a free port; returns (process, base URL)."""
    proc = subprocess.Popen([os.environ.get("KHABAR", str(ROOT / "target/debug/khabar")), "serve", "--db", str(db),
                             "--addr", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"http://[0-9.:]+/", line)
    if not m:
        proc.kill()
        sys.exit(f"khabar serve did not start: {line}{proc.stderr.read()}")
    # keep draining the request log so the pipe never fills
    import threading
    threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
    return proc, m.group(0).rstrip("/")


def api(base, path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)


def browser(p, width=1280, height=900):
    ctx = p.chromium.launch_persistent_context(tempfile.mkdtemp(prefix="khabar-chromium-"), executable_path=CHROMIUM,
                                               headless=True, args=FLAGS, viewport={"width": width, "height": height})
    return ctx


def wait_for(page, expr, timeout=15.0):
    """Polls `expr` from Python: the page's Content-Security-Policy forbids the eval that
    Playwright's wait_for_function needs, and the test keeps that policy on."""
    end = time.monotonic() + timeout
    while True:
        v = page.evaluate(expr)
        if v:
            return v
        if time.monotonic() > end:
            raise TimeoutError(f"timed out waiting for {expr}")
        time.sleep(0.02)


def wait_ready(page, after=0):
    """Waits for the page's refresh number `after`+1 (or later) to finish drawing."""
    return wait_for(page, f"(n => n > {after} ? n : 0)(Number(document.body.dataset.ready || 0))")


def count_text(page):
    return page.inner_text("#count")


def list_ids(page):
    return page.eval_on_selector_all("#events button", "bs => bs.map(b => Number(b.dataset.id))")


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, cond, what):
        if cond:
            self.passed += 1
            print(f"ok    {what}")
        else:
            self.failures.append(what)
            print(f"FAIL  {what}")


def run_checks(base):
    c = Checks()
    stats = api(base, "/api/v1/stats")
    places = api(base, "/api/v1/geojson")["features"]
    with sync_playwright() as p:
        ctx = browser(p)
        page = ctx.new_page()
        errors = []
        page.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
        external = []
        page.on("request", lambda r: external.append(r.url) if not r.url.startswith(base) and not r.url.startswith("data:") else None)
        page.goto(base + "/")
        ready = wait_ready(page)
        page.wait_for_selector("#countries path")
        page.screenshot(path=str(OUT / "page.png"), full_page=True)

        # the map: one marker per place or crowd, where the fixture's events are
        markers = page.eval_on_selector_all("#markers circle", """cs => cs.map(c => ({
            n: Number(c.dataset.count), places: Number(c.dataset.places), lon: Number(c.dataset.lon), lat: Number(c.dataset.lat),
            names: c.dataset.names, cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy')) }))""")
        c.check(sum(m["n"] for m in markers) == sum(f["properties"]["events"] for f in places),
                f"markers hold every placed event ({sum(m['n'] for m in markers)})")
        names = {n for m in markers for n in m["names"].split(", ")}
        c.check(names == {f["properties"]["place"] for f in places}, f"every fixture place is on the map: {sorted(names)}")
        singles = [m for m in markers if m["places"] == 1]
        by_name = {f["properties"]["place"]: f["geometry"]["coordinates"] for f in places}
        c.check(singles and all(abs(m["lon"] - by_name[m["names"]][0]) < 1e-3 and abs(m["lat"] - by_name[m["names"]][1]) < 1e-3
                                and abs(m["cx"] - m["lon"]) < 1e-3 and abs(m["cy"] + m["lat"]) < 1e-3 for m in singles),
                f"{len(singles)} single-place markers sit at their places' coordinates")

        def inside(place, country):
            box = page.evaluate(f"""() => {{
                const m = [...document.querySelectorAll('#markers circle')].find(c => c.dataset.names.split(', ').includes({json.dumps(place)}));
                const p = document.querySelector('#countries path[data-name={json.dumps(country)}]');
                if (!m || !p) return null;
                const a = m.getBoundingClientRect(), b = p.getBoundingClientRect();
                return [a.x + a.width / 2, a.y + a.height / 2, b.x, b.y, b.right, b.bottom]; }}""")
            return box is not None and box[2] <= box[0] <= box[4] and box[3] <= box[1] <= box[5]
        for place, country in [("Tokyo", "Japan"), ("Sao Paulo", "Brazil"), ("Paris", "France")]:
            c.check(inside(place, country), f"the {place} marker is drawn over {country}")

        # counts and list before the brush
        total = stats["events"]
        c.check(str(total) in count_text(page), f"the count says {total} events: {count_text(page)!r}")
        c.check(len(list_ids(page)) == total, "the list shows every event")

        # the brush: drag over 2023-05-16 .. 2023-05-20
        days = api(base, "/api/v1/aggregates/daily")["days"]
        first, last = days[0]["date"], days[-1]["date"]
        n = (time.mktime(time.strptime(last, "%Y-%m-%d")) - time.mktime(time.strptime(first, "%Y-%m-%d"))) / 86400 + 1
        box = page.locator("#timeline").bounding_box()
        x_of = lambda day: box["x"] + (day + 0.5) / n * box["width"]
        y = box["y"] + box["height"] / 2
        page.mouse.move(x_of(15), y)
        page.mouse.down()
        page.mouse.move(x_of(17), y, steps=4)
        page.mouse.move(x_of(19), y, steps=4)
        page.mouse.up()
        ready = wait_ready(page, ready)
        want = api(base, "/api/v1/events?from=2023-05-16&to=2023-05-20&limit=500")
        c.check(f"({want['total']} " in count_text(page) and want["total"] < total, f"the brush changes the count: {count_text(page)!r}")
        c.check(sorted(list_ids(page)) == sorted(e["id"] for e in want["events"]), "the brush changes the list to the brushed days")
        qc = page.inner_text("#quadcounts")
        c.check(": 2" in qc or ": 3" in qc, f"the QuadClass counts follow the brush: {qc!r}")
        c.check("from=2023-05-16" in page.url and "to=2023-05-20" in page.url, f"the brushed dates are in the URL: {page.url}")
        c.check(page.input_value("#f-from") == "2023-05-16", "the date fields follow the brush")
        brushed_markers = page.eval_on_selector_all("#markers circle", "cs => cs.reduce((s, c) => s + Number(c.dataset.count), 0)")
        c.check(brushed_markers == sum(1 for e in want["events"] if e["place"]), f"the map follows the brush ({brushed_markers} events)")
        # the dyad table and the export links follow the brushed selection too
        dyads = api(base, "/api/v1/aggregates/dyads?from=2023-05-16&to=2023-05-20&limit=10")["dyads"]
        rows = page.eval_on_selector_all("#dyads tr", "rs => rs.map(r => [...r.querySelectorAll('td')].map(td => td.querySelector('button') ? td.querySelector('button').textContent : td.textContent))")
        c.check(len(dyads) > 0 and [[r[0], r[1], r[2]] for r in rows] == [[d["source"], d["target"], str(d["events"])] for d in dyads],
                f"the dyad table is the brushed days' top pairs: {rows}")
        for fmt in ["csv", "gdelt", "jsonl"]:
            href = page.get_attribute(f"#x-{fmt}", "href")
            c.check("from=2023-05-16" in href and "to=2023-05-20" in href and f"format={fmt}" in href, f"the {fmt} export is of the selection: {href}")
        page.screenshot(path=str(OUT / "brushed.png"), full_page=True)

        # open an Arabic event: evidence, rule, explanation, sources; right to left
        ev = api(base, "/api/v1/events/1")
        page.click('#events button[data-id="1"]')
        page.wait_for_selector("#d-evidence")
        c.check(page.inner_text("#d-evidence").strip() == ev["evidence"], "opening the event shows its evidence sentence")
        c.check(page.inner_text("#d-rule").strip() == ev["rule"], f"and its rule {ev['rule']}")
        c.check(ev["explanation"] in page.inner_text("#d-explanation"), "and its explanation")
        c.check("الأخبار" in page.inner_text("#d-outlets") and "الوطن" in page.inner_text("#d-outlets"), "and both outlets of its story")
        direction = page.eval_on_selector("#d-evidence", "e => getComputedStyle(e).direction")
        c.check(direction == "rtl", f"the Arabic evidence renders right to left (direction: {direction})")
        mention_dirs = page.eval_on_selector_all(".mention-text", "es => es.map(e => getComputedStyle(e).direction)")
        c.check(mention_dirs and all(d == "rtl" for d in mention_dirs), f"so do the Arabic sentences of its sources: {mention_dirs}")
        row_dir = page.eval_on_selector('#events button[data-id="1"] .ev-text', "e => getComputedStyle(e).direction")
        c.check(row_dir == "rtl", "and the Arabic row in the list")
        c.check("event=1" in page.url, "the open event is in the URL")
        page.screenshot(path=str(OUT / "event.png"), full_page=True)

        # a copied URL restores the same view
        url = page.url
        page2 = ctx.new_page()
        page2.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
        page2.on("pageerror", lambda e: errors.append(f"page error: {e}"))
        page2.goto(url)
        wait_ready(page2)
        page2.wait_for_selector("#d-evidence")
        c.check(count_text(page2) == count_text(page), f"the copied URL restores the count: {count_text(page2)!r}")
        c.check(list_ids(page2) == list_ids(page), "and the list")
        c.check(page2.inner_text("#d-evidence") == page.inner_text("#d-evidence"), "and the open event")
        c.check(page2.input_value("#f-from") == "2023-05-16" and page2.input_value("#f-to") == "2023-05-20", "and the date fields")
        c.check(float(page2.get_attribute("#brush", "width")) > 0, "and the brush")
        page2.screenshot(path=str(OUT / "restored.png"), full_page=True)
        page2.close()

        # filters typed in the form, kept in the URL
        page.select_option("#f-root", "19")
        page.click("#filters button[type=submit]")
        ready = wait_ready(page, ready)
        want = api(base, "/api/v1/events?from=2023-05-16&to=2023-05-20&root=19")
        c.check(f"({want['total']} " in count_text(page) and "root=19" in page.url, f"the event-type filter applies and is in the URL: {count_text(page)!r}")

        # keyboard: the timeline moves its range with the arrow keys, Escape clears it
        page.focus("#timeline")
        page.keyboard.press("ArrowLeft")
        ready = wait_ready(page, ready)
        c.check("from=2023-05-15" in page.url and "to=2023-05-19" in page.url, f"arrow keys move the brushed range: {page.url}")
        page.keyboard.press("Escape")
        ready = wait_ready(page, ready)
        c.check("from=" not in page.url, "Escape clears the brushed range")
        # keyboard: Tab reaches an event row, Enter opens it
        page.focus('#events button')
        page.keyboard.press("Enter")
        wait_for(page, "document.querySelector('#d-evidence') !== null")
        c.check(page.get_attribute("#events button", "aria-expanded") == "true", "Enter on a focused row opens it")

        # Arabic labels
        page.click("#lang")
        c.check(page.evaluate("document.documentElement.dir") == "rtl" and page.inner_text("#map-h") == "الخريطة",
                "the Arabic labels turn the page right to left")
        c.check("lang=ar" in page.url, "the language is in the URL")
        page.screenshot(path=str(OUT / "arabic.png"), full_page=True)
        page.close()

        # phone width
        phone = browser(p, 390, 844)
        pp = phone.new_page()
        pp.on("pageerror", lambda e: errors.append(f"page error (phone): {e}"))
        pp.goto(base + "/?lang=ar")
        wait_ready(pp)
        overflow = pp.evaluate("document.documentElement.scrollWidth")
        c.check(overflow <= 391, f"no sideways scrolling at phone width ({overflow}px)")
        map_w = pp.locator("#map").bounding_box()["width"]
        c.check(map_w <= 390 and map_w > 300, f"the map fits the phone ({map_w:.0f}px)")
        pp.screenshot(path=str(OUT / "phone.png"), full_page=True)
        phone.close()

        c.check(not errors, f"no console errors ({errors})")
        c.check(not external, f"nothing fetched from another host ({external[:3]})")
        ctx.close()
    print(f"{c.passed} passed, {len(c.failures)} failed; screenshots in {OUT}")
    return not c.failures


def first_render(base, runs=10):
    """Milliseconds from navigation start to the page's first complete render (data drawn)."""
    times = []
    with sync_playwright() as p:
        ctx = browser(p)
        for _ in range(runs):
            page = ctx.new_page()
            page.goto(base + "/")
            wait_for(page, "document.body.dataset.rendered !== undefined")
            times.append(float(page.evaluate("document.body.dataset.rendered")))
            page.close()
        ctx.close()
    times.sort()
    print(json.dumps({"first_render_ms": [round(t) for t in times], "median_ms": round(times[len(times) // 2]), "max_ms": round(times[-1])}))
    return True


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 2 and sys.argv[1] == "--first-render":
        db, check = Path(sys.argv[2]), first_render
    else:
        db, check = OUT / "fixture.db", run_checks
    proc, base = start_server(db)
    try:
        ok = check(base)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
