"""khabar's outputs, read by the tools researchers read them with.

Builds a store from the project's own fixture articles (tests/python/fixtures), runs `khabar code`
and `khabar export` in every format, and checks what pandas, pyarrow, DuckDB and sqlite3 make of
them against the formats' own definitions:

* the GDELT 2.0 event table, loaded with the codebook's 61 column names (typed here, from the
  GDELT 2.0 Event Codebook, not from khabar's list), every column's type and domain, and the
  mentions table against it and against the store;
* PLOVER output against the PLOVER manual's event types, modes and contexts;
* Parquet's schema and row count (= `khabar stats`), with pyarrow and DuckDB;
* CSV with pandas and DuckDB's read_csv, no column shifted by the Arabic text's separators;
* every example query of docs/STORE.md, in sqlite3 and in DuckDB's SQLite scanner.

Run: tests/python/run.sh (makes a venv, installs requirements.txt, builds khabar with
`--features parquet`), or `KHABAR=target/debug/khabar python tests/python/test_outputs.py`.
Reference tables come from ../shared/data/lexicons when it is there (GeoNames admin1 codes,
the CAMEO codebook, the PLOVER manual's values), else from the project's own generated copies.
"""

import csv
import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import tempfile
import unittest

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("KHABAR_SHARED", os.path.join(REPO, "..", "shared"))
LEX = os.path.join(SHARED, "data", "lexicons")
FIXTURES = os.path.join(REPO, "tests", "python", "fixtures")
KHABAR = os.path.abspath(os.environ.get("KHABAR", os.path.join(REPO, "target", "debug", "khabar")))

# The GDELT 2.0 Event Codebook's columns, in order, with the type GDELT gives each.
GDELT_EVENT = [
    ("GLOBALEVENTID", "int"), ("SQLDATE", "int"), ("MonthYear", "int"), ("Year", "int"), ("FractionDate", "float"),
    ("Actor1Code", "str"), ("Actor1Name", "str"), ("Actor1CountryCode", "str"), ("Actor1KnownGroupCode", "str"),
    ("Actor1EthnicCode", "str"), ("Actor1Religion1Code", "str"), ("Actor1Religion2Code", "str"),
    ("Actor1Type1Code", "str"), ("Actor1Type2Code", "str"), ("Actor1Type3Code", "str"),
    ("Actor2Code", "str"), ("Actor2Name", "str"), ("Actor2CountryCode", "str"), ("Actor2KnownGroupCode", "str"),
    ("Actor2EthnicCode", "str"), ("Actor2Religion1Code", "str"), ("Actor2Religion2Code", "str"),
    ("Actor2Type1Code", "str"), ("Actor2Type2Code", "str"), ("Actor2Type3Code", "str"),
    ("IsRootEvent", "int"), ("EventCode", "str"), ("EventBaseCode", "str"), ("EventRootCode", "str"),
    ("QuadClass", "int"), ("GoldsteinScale", "float"), ("NumMentions", "int"), ("NumSources", "int"),
    ("NumArticles", "int"), ("AvgTone", "float"),
] + [
    (f"{who}Geo_{field}", kind)
    for who in ("Actor1", "Actor2", "Action")
    for field, kind in (("Type", "int"), ("FullName", "str"), ("CountryCode", "str"), ("ADM1Code", "str"),
                        ("ADM2Code", "str"), ("Lat", "float"), ("Long", "float"), ("FeatureID", "str"))
] + [("DATEADDED", "int"), ("SOURCEURL", "str")]

GDELT_MENTIONS = [
    ("GLOBALEVENTID", "int"), ("EventTimeDate", "int"), ("MentionTimeDate", "int"), ("MentionType", "int"),
    ("MentionSourceName", "str"), ("MentionIdentifier", "str"), ("SentenceID", "int"), ("Actor1CharOffset", "int"),
    ("Actor2CharOffset", "int"), ("ActionCharOffset", "int"), ("InRawText", "int"), ("Confidence", "int"),
    ("MentionDocLen", "int"), ("MentionDocTone", "float"), ("MentionDocTranslationInfo", "str"), ("Extras", "str"),
]

# CAMEO actor type codes (CAMEO manual, actor codebook).
CAMEO_TYPES = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "CVL", "BUS", "MED", "EDU", "REL", "SPY", "LAB", "HLH",
    "REF", "ELI", "CRM", "UAF", "IGO", "NGO", "MNC", "IMG", "AGR", "ENV", "HRI", "RAD", "MOD", "INS", "SEP",
}


def run(*args, check=True):
    p = subprocess.run([KHABAR, *args], capture_output=True, cwd=WORK)
    if check and p.returncode != 0:
        raise AssertionError(f"khabar {' '.join(args)} exited {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p


def read_tsv(path, columns):
    """A GDELT file as pandas reads it with the codebook's header: no quoting, typed columns."""
    dtypes = {name: ("Int64" if kind == "int" else "float64" if kind == "float" else "string") for name, kind in columns}
    return pd.read_csv(path, sep="\t", header=None, names=[c for c, _ in columns], dtype=dtypes,
                       quoting=csv.QUOTE_NONE, keep_default_na=False, na_values={c: [""] for c, k in columns if k != "str"},
                       encoding="utf-8")


def tsv_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_reference():
    ref = {}
    # FIPS 10-4 country codes: the project's table (tools/lexgen/iso.tsv → lexicons/geo/countries.tsv)
    ref["fips_of_iso3"], ref["fips_of_iso2"] = {}, {}
    with open(os.path.join(REPO, "lexicons", "geo", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("iso3\t"):
                continue
            iso3, iso2, fips = line.split("\t")[:3]
            ref["fips_of_iso3"][iso3] = fips
            ref["fips_of_iso2"][iso2] = fips
    ref["fips"] = {v for v in ref["fips_of_iso3"].values() if v}
    ref["cameo_countries"] = set(ref["fips_of_iso3"])
    # ADM1: GeoNames admin1 codes (CC.NN), as GDELT writes them: FIPS country + NN
    adm1 = set()
    admin1_json = os.path.join(LEX, "geonames", "admin1.json")
    if os.path.exists(admin1_json):
        codes = [a["code"] for a in load_json(admin1_json)]
    else:
        codes = [line.split("\t")[3] for line in lines(os.path.join(REPO, "lexicons", "geo", "places.tsv"))
                 if not line.startswith("#") and not line.startswith("geonameid\t")]
    for code in codes:
        cc, _, nn = code.partition(".")
        fips = ref["fips_of_iso2"].get(cc)
        if fips and nn:
            adm1.add(fips + nn)
    ref["adm1"] = adm1
    ref["geonameids"] = {line.split("\t")[0] for line in lines(os.path.join(REPO, "lexicons", "geo", "places.tsv"))
                         if not line.startswith("#")}
    # CAMEO event codes with Goldstein and QuadClass
    cameo_tsv = os.path.join(LEX, "cameo", "cameo_eventcodes_goldstein_quad.tsv")
    if not os.path.exists(cameo_tsv):
        cameo_tsv = os.path.join(REPO, "lexicons", "cameo", "codes.tsv")
    ref["cameo"] = {}
    with open(cameo_tsv, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            fl = line.rstrip("\n").split("\t")
            ref["cameo"][fl[0]] = (float(fl[4]), int(fl[5]))
    # CAMEO → PLOVER type (the table khabar compiles in)
    ref["plover_of"] = {}
    with open(os.path.join(REPO, "lexicons", "cameo", "codes.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            fl = line.rstrip("\n").split("\t") + [""] * 9
            ref["plover_of"][fl[0]] = fl[6]
    # the PLOVER manual's values
    spec = os.path.join(LEX, "cameo", "plover_spec_extracted.json")
    if os.path.exists(spec):
        s = load_json(spec)
        ref["plover_types"] = {e["event"] for e in s["events"]}
        ref["plover_modes"] = {(e["event"], m["mode"]) for e in s["events"] for m in e["modes"]}
        ref["plover_contexts"] = {c["context"] for c in s["contexts"]}
    else:
        rows = [l.split("\t") for l in lines(os.path.join(REPO, "crates", "khabar-output", "data", "plover.tsv"))
                if not l.startswith("#")]
        ref["plover_types"] = {r[1] for r in rows if r[0] == "type"}
        ref["plover_modes"] = {(r[2], r[1]) for r in rows if r[0] == "mode"}
        ref["plover_contexts"] = {r[1] for r in rows if r[0] == "context"}
    return ref


def setUpModule():
    global WORK, TMP, REF, OUT, STATS, DB
    TMP = tempfile.TemporaryDirectory(prefix="khabar-py-")
    WORK = TMP.name
    REF = load_reference()
    corpus = os.path.join(FIXTURES, "corpus.jsonl")
    DB = os.path.join(WORK, "k.db")
    run("ingest", "--quiet", "--db", DB, corpus)
    STATS = json.loads(run("stats", "--db", DB).stdout)
    OUT = {}
    for fmt in ("json", "gdelt", "gdelt-mentions", "plover", "csv"):
        path = os.path.join(WORK, f"code.{fmt}")
        run("code", "--format", fmt, "-o", path, corpus)
        OUT["code", fmt] = path
    for fmt in ("jsonl", "gdelt", "gdelt-mentions", "plover", "csv", "parquet"):
        path = os.path.join(WORK, f"export.{fmt}")
        run("export", "--db", DB, "--format", fmt, "-o", path)
        OUT["export", fmt] = path


def tearDownModule():
    TMP.cleanup()


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def duck():
    """DuckDB with its SQLite scanner: `INSTALL sqlite` when online, else the pip package's file."""
    con = duckdb.connect()
    try:
        import duckdb_extension_sqlite_scanner as ext
        folder = os.path.join(os.path.dirname(ext.__file__), "extensions")
        path = [os.path.join(root, f) for root, _, files in os.walk(folder) for f in files if f.endswith(".duckdb_extension")][0]
        con.execute(f"LOAD '{path}'")
    except ImportError:
        con.execute("INSTALL sqlite; LOAD sqlite")
    return con


class GdeltEvents(unittest.TestCase):
    def check_table(self, df, rows):
        r = REF
        self.assertGreater(len(df), 0)
        self.assertTrue(all(len(row) == 61 for row in rows), "61 tab-separated columns on every row")
        self.assertTrue(df["GLOBALEVENTID"].notna().all() and df["GLOBALEVENTID"].is_unique)
        for _, e in df.iterrows():
            day = dt.datetime.strptime(str(e["SQLDATE"]), "%Y%m%d")
            self.assertEqual(e["MonthYear"], int(day.strftime("%Y%m")))
            self.assertEqual(e["Year"], day.year)
            self.assertEqual(int(e["FractionDate"]), day.year)
            self.assertTrue(0 <= e["FractionDate"] - day.year < 1)
            for a in ("Actor1", "Actor2"):
                code = e[f"{a}Code"]
                if code == "":
                    self.assertTrue(all(e[f"{a}{c}"] == "" for c in ("Name", "CountryCode", "Type1Code")))
                    continue
                self.assertRegex(code, r"^([A-Z]{3})+$")
                country = e[f"{a}CountryCode"]
                if country:
                    self.assertIn(country, r["cameo_countries"], "a CAMEO country code")
                    self.assertTrue(code.startswith(country))
                for t in ("Type1Code", "Type2Code", "Type3Code"):
                    if e[f"{a}{t}"]:
                        self.assertIn(e[f"{a}{t}"], CAMEO_TYPES)
                        self.assertIn(e[f"{a}{t}"], [code[i:i + 3] for i in range(0, len(code), 3)])
                if e[f"{a}KnownGroupCode"]:
                    self.assertRegex(e[f"{a}KnownGroupCode"], r"^[A-Z]{3}$")
            self.assertIn(e["IsRootEvent"], (0, 1))
            code = e["EventCode"]
            self.assertRegex(code, r"^\d{3,4}$", "GDELT event codes have three or four digits")
            self.assertIn(code, r["cameo"], "a CAMEO code")
            self.assertEqual(e["EventBaseCode"], code[:3])
            self.assertEqual(e["EventRootCode"], code[:2])
            goldstein, quad = r["cameo"][code]
            self.assertEqual(e["QuadClass"], quad)
            self.assertIn(e["QuadClass"], (1, 2, 3, 4))
            self.assertAlmostEqual(e["GoldsteinScale"], goldstein, places=1)
            self.assertTrue(-10 <= e["GoldsteinScale"] <= 10)
            self.assertTrue(1 <= e["NumSources"] <= e["NumArticles"] <= e["NumMentions"])
            self.assertTrue(pd.isna(e["AvgTone"]) or -100 <= e["AvgTone"] <= 100)
            for g in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
                self.check_geo(e, g)
            added = str(e["DATEADDED"])
            self.assertRegex(added, r"^\d{14}$")
            dt.datetime.strptime(added, "%Y%m%d%H%M%S")
            self.assertTrue(e["SOURCEURL"] == "" or re.match(r"^https?://\S+$", e["SOURCEURL"]), e["SOURCEURL"])

    def check_geo(self, e, g):
        kind = e[f"{g}_Type"]
        fields = ("FullName", "CountryCode", "ADM1Code", "FeatureID")
        if pd.isna(kind):
            self.assertTrue(all(e[f"{g}_{f}"] == "" for f in fields) and pd.isna(e[f"{g}_Lat"]))
            return
        self.assertIn(kind, (1, 2, 3, 4, 5))
        fips, adm1, feature = e[f"{g}_CountryCode"], e[f"{g}_ADM1Code"], e[f"{g}_FeatureID"]
        self.assertIn(fips, REF["fips"], "a FIPS 10-4 country code")
        self.assertTrue(e[f"{g}_FullName"])
        if kind in (2, 3):
            self.assertEqual(fips, "US")
        if kind == 1:
            self.assertEqual((adm1, feature), (fips, fips), "a country's ADM1 and feature id are its FIPS code")
        else:
            self.assertTrue(adm1 == "" or adm1 in REF["adm1"], f"{adm1} is FIPS country + a GeoNames ADM1 code")
            self.assertTrue(adm1 == "" or adm1.startswith(fips))
        if kind in (3, 4):
            self.assertIn(feature, REF["geonameids"], "a city's feature id is its GeoNames id")
        self.assertEqual(e[f"{g}_ADM2Code"], "")
        self.assertTrue(-90 <= e[f"{g}_Lat"] <= 90 and -180 <= e[f"{g}_Long"] <= 180)

    def test_code_gdelt_to_the_codebook(self):
        path = OUT["code", "gdelt"]
        df = read_tsv(path, GDELT_EVENT)
        self.check_table(df, tsv_rows(path))
        # row i is event i of the JSON output
        events = jsonl(OUT["code", "json"])
        self.assertEqual(len(df), len(events))
        for (_, row), e in zip(df.iterrows(), events):
            self.assertEqual(row["EventCode"], e["cameo"] if len(e["cameo"]) > 2 else e["cameo"] + "0")
            self.assertEqual(row["NumMentions"], max(1, len(e.get("mentions", []))))
            self.assertEqual(row["IsRootEvent"], int(bool(e.get("root_event"))))
            self.assertEqual(row["Actor1Code"], (e.get("source") or {}).get("code", ""))
            loc = e.get("location")
            if loc:
                self.assertEqual(row["ActionGeo_CountryCode"], REF["fips_of_iso3"][loc["country"]])
                self.assertEqual(row["ActionGeo_Type"], (3 if loc["country"] == "USA" else 4) if loc.get("geonameid") else 1)
            if e.get("date"):
                self.assertEqual(str(row["SQLDATE"]), e["date"].replace("-", ""))
        # the fixtures exercise what the checks are for
        self.assertTrue((df["EventCode"].str.len() == 4).any(), "a four-digit code")
        self.assertTrue(set(df["ActionGeo_Type"].dropna()) >= {1, 3, 4})
        self.assertIn("SZ", set(df["ActionGeo_CountryCode"]), "Geneva: FIPS SZ, not ISO CH")

    def test_code_mentions_match_events(self):
        ev = read_tsv(OUT["code", "gdelt"], GDELT_EVENT)
        me = read_tsv(OUT["code", "gdelt-mentions"], GDELT_MENTIONS)
        self.assertTrue(all(len(r) == 16 for r in tsv_rows(OUT["code", "gdelt-mentions"])))
        counts = me.groupby("GLOBALEVENTID").size()
        for _, e in ev.iterrows():
            self.assertEqual(counts[e["GLOBALEVENTID"]], e["NumMentions"])
            ms = me[me["GLOBALEVENTID"] == e["GLOBALEVENTID"]]
            self.assertTrue((ms["EventTimeDate"] == e["DATEADDED"]).all())
        self.check_mentions(me)

    def check_mentions(self, me):
        self.assertTrue(me["MentionType"].eq(1).all())
        self.assertTrue(me["SentenceID"].ge(0).all())
        self.assertTrue(me["Confidence"].between(0, 100).all())
        self.assertTrue(me["InRawText"].eq(1).all())
        for c in ("EventTimeDate", "MentionTimeDate"):
            for v in me[c].dropna():
                dt.datetime.strptime(str(v), "%Y%m%d%H%M%S")
        for c in ("Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset"):
            self.assertTrue(((me[c] >= -1) & (me[c] < me["MentionDocLen"])).all())
        self.assertTrue((me["Actor1CharOffset"] >= 0).any(), "offsets are found in the text")

    def test_export_gdelt_counts_are_the_stores(self):
        path = OUT["export", "gdelt"]
        df = read_tsv(path, GDELT_EVENT)
        self.check_table(df, tsv_rows(path))
        self.assertEqual(len(df), STATS["events"])
        con = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
        counted = {
            i: (m, a, s)
            for i, m, a, s in con.execute("""
                SELECT e.id,
                  (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)
                + (SELECT count(*) FROM mentions m JOIN copies c ON c.article_id = m.article_id WHERE m.event_id = e.id),
                  (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.event_id = e.id)
                + (SELECT count(*) FROM copies c WHERE c.article_id IN (SELECT article_id FROM mentions WHERE event_id = e.id)),
                  (SELECT count(*) FROM (SELECT coalesce(a.source_id, 0) FROM mentions m JOIN articles a ON a.id = m.article_id
                                         WHERE m.event_id = e.id
                                         UNION SELECT coalesce(c.source_id, 0) FROM mentions m JOIN copies c ON c.article_id = m.article_id
                                         WHERE m.event_id = e.id))
                FROM events e""")
        }
        for _, e in df.iterrows():
            self.assertEqual((e["NumMentions"], e["NumArticles"], e["NumSources"]), counted[e["GLOBALEVENTID"]])
        self.assertGreater(df["NumSources"].max(), 2, "the fixtures' wire story: three outlets")
        me = read_tsv(OUT["export", "gdelt-mentions"], GDELT_MENTIONS)
        self.check_mentions(me)
        self.assertEqual(len(me), sum(m for m, _, _ in counted.values()))
        for _, e in df.iterrows():
            ms = me[me["GLOBALEVENTID"] == e["GLOBALEVENTID"]]
            self.assertEqual(len(ms), e["NumMentions"])
            self.assertEqual(ms["MentionIdentifier"].nunique(), e["NumArticles"])
            self.assertEqual(ms["MentionSourceName"].nunique(), e["NumSources"])

    def test_separators_never_leak_into_tsv(self):
        for key in (("code", "gdelt"), ("code", "gdelt-mentions"), ("export", "gdelt"), ("export", "gdelt-mentions")):
            with open(OUT[key], encoding="utf-8", newline="") as f:
                text = f.read()
            self.assertNotIn("\r", text)
            width = 61 if key[1] == "gdelt" else 16
            self.assertTrue(all(line.count("\t") == width - 1 for line in text.split("\n")[:-1]), key)


class Plover(unittest.TestCase):
    def check(self, records, events):
        self.assertGreater(len(records), 0)
        typed = [e for e in events if REF["plover_of"].get(e["cameo"])]
        self.assertEqual(len(records), len(typed), "every event with a PLOVER type, and only those")
        for rec, e in zip(records, typed):
            t = rec["event_type"]
            self.assertIn(t, REF["plover_types"])
            self.assertEqual(t, REF["plover_of"][e["cameo"]])
            self.assertIsInstance(rec["event_mode"], list)
            for m in rec["event_mode"]:
                self.assertIn((t, m), REF["plover_modes"], f"{t} has no mode {m}")
            self.assertIsInstance(rec["contexts"], list)
            for c in rec["contexts"]:
                self.assertIn(c, REF["plover_contexts"])
            self.assertEqual(rec["event_text"], e["evidence"])
            self.assertEqual(rec["date"], e.get("date"))
            for key, actor in (("ACTOR", e.get("source")), ("RECIP", e.get("target"))):
                got = rec["attributes"][key]
                self.assertEqual([a["code"] for a in got], [actor["code"]] if actor else [])
                for a in got:
                    self.assertEqual(a["country"], actor.get("country") or "")
            geo = rec["event_geolocation"]["geo"]
            if e.get("location"):
                self.assertEqual(geo["country_code3"], e["location"]["country"])
                self.assertEqual(geo["lat"], e["location"]["lat"])
            else:
                self.assertIsNone(geo)
            if rec.get("pub_date"):
                dt.date.fromisoformat(rec["pub_date"])

    def test_code_plover(self):
        self.check(jsonl(OUT["code", "plover"]), jsonl(OUT["code", "json"]))

    def test_export_plover(self):
        recs = jsonl(OUT["export", "plover"])
        events = jsonl(OUT["export", "jsonl"])
        self.check(recs, events)
        by_id = {e["event_id"]: e for e in events}
        for r in recs:
            self.assertEqual(r["num_mentions"], by_id[int(r["id"])]["num_mentions"])


class Parquet(unittest.TestCase):
    def test_schema_and_rows(self):
        t = pq.read_table(OUT["export", "parquet"])
        self.assertEqual(t.num_rows, STATS["events"])
        s = t.schema
        self.assertEqual(s.field("date").type, pa.date32())
        self.assertEqual(s.field("published").type, pa.timestamp("ms", tz="UTC"))
        for name in ("event_id", "story", "num_mentions", "num_sources", "num_articles"):
            self.assertEqual(s.field(name).type, pa.int64())
        self.assertEqual(s.field("root_event").type, pa.bool_())
        self.assertEqual(s.field("goldstein").type, pa.float32())
        actor = pa.struct([("text", pa.string()), ("name", pa.string()), ("code", pa.string()), ("country", pa.string()),
                           ("roles", pa.list_(pa.string()))])
        for name in ("source", "target"):
            self.assertTrue(s.field(name).type.equals(actor, check_metadata=False) or
                            [f.name for f in s.field(name).type] == [f.name for f in actor], s.field(name).type)
            self.assertEqual(s.field(name).type.field("roles").type.value_type, pa.string())
        loc = s.field("location").type
        self.assertEqual([f.name for f in loc], ["name", "country", "adm1", "lat", "lon", "geonameid", "basis"])
        self.assertEqual(loc.field("geonameid").type, pa.int64())
        self.assertEqual(loc.field("lat").type, pa.float64())
        # the values are the JSON export's
        events = {e["event_id"]: e for e in jsonl(OUT["export", "jsonl"])}
        for row in t.to_pylist():
            e = events[row["event_id"]]
            self.assertEqual(row["date"], dt.date.fromisoformat(e["date"]) if e.get("date") else None)
            self.assertEqual(row["source"]["code"] if row["source"] else None, (e.get("source") or {}).get("code"))
            self.assertEqual(row["source"]["roles"] if row["source"] else None, (e.get("source") or {}).get("roles"))
            self.assertEqual((row["location"] or {}).get("geonameid"), (e.get("location") or {}).get("geonameid"))
            self.assertEqual(row["evidence"], e["evidence"])
            self.assertEqual(row["num_mentions"], e["num_mentions"])
        self.assertTrue(any(r["published"] is not None for r in t.to_pylist()))

    def test_duckdb_reads_it(self):
        con = duckdb.connect()
        path = OUT["export", "parquet"]
        n, dated, roles = con.execute(
            "SELECT count(*), count(date), sum(len(source.roles)) FROM read_parquet(?)", [path]).fetchone()
        self.assertEqual(n, STATS["events"])
        self.assertGreater(dated, 0)
        types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))", [path]).fetchall())
        self.assertEqual(types["date"], "DATE")
        self.assertEqual(types["published"], "TIMESTAMP WITH TIME ZONE")
        self.assertTrue(types["source"].startswith("STRUCT(") and "roles VARCHAR[]" in types["source"], types["source"])
        self.assertTrue(types["location"].startswith("STRUCT(") and "geonameid BIGINT" in types["location"])
        us = con.execute("SELECT count(*) FROM read_parquet(?) WHERE location.country = 'USA'", [path]).fetchone()[0]
        self.assertGreater(us, 0)


class Csv(unittest.TestCase):
    def check(self, path, events, key):
        with open(path, "rb") as f:
            raw = f.read()
        self.assertTrue(raw.split(b"\r\n")[0].startswith(b"event_id," if key == "export" else b"doc_id,"))
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        self.assertEqual(len(df), len(events))
        header = raw.split(b"\r\n")[0].decode().split(",")
        self.assertEqual(list(df.columns), header)
        for (_, row), e in zip(df.iterrows(), events):
            self.assertEqual(row["evidence"], e["evidence"])
            self.assertEqual(row["doc_id"], e["doc_id"])
            self.assertEqual(row["cameo"], e["cameo"])
            self.assertRegex(row["cameo"], r"^\d{2,4}$", "no shifted column")
            if not e.get("location"):
                self.assertEqual((row["location_name"], row["lat"]), ("", ""), "null is empty")
            else:
                self.assertAlmostEqual(float(row["lat"]), e["location"]["lat"], places=4)
        # the fixtures carry what could break it
        self.assertTrue(any('"' in e["evidence"] and "," in e["evidence"] and "\t" in e["evidence"] for e in events))
        self.assertTrue(any(re.search("[\u0600-\u06ff]", e["evidence"]) for e in events))
        self.assertTrue(any("\n" in e["doc_id"] for e in events), "a newline inside a field")
        con = duckdb.connect()
        rel = con.execute("SELECT * FROM read_csv(?, header = true, all_varchar = true, quote = '\"', escape = '\"')", [path]).df()
        self.assertEqual(len(rel), len(events))
        self.assertEqual(list(rel.columns), header)
        self.assertEqual(list(rel["evidence"]), [e["evidence"] for e in events])
        self.assertEqual(list(rel["doc_id"]), [e["doc_id"] for e in events])
        # and DuckDB's sniffer, told nothing, agrees
        sniffed = con.execute("SELECT evidence, doc_id FROM read_csv_auto(?)", [path]).fetchall()
        self.assertEqual(sniffed, [(e["evidence"], e["doc_id"]) for e in events])

    def test_code_csv(self):
        self.check(OUT["code", "csv"], jsonl(OUT["code", "json"]), "code")

    def test_export_csv(self):
        self.check(OUT["export", "csv"], jsonl(OUT["export", "jsonl"]), "export")


class StoreQueries(unittest.TestCase):
    """Every ```sql block of docs/STORE.md, in sqlite3 and DuckDB; ```sqlite blocks in sqlite3 only."""

    def blocks(self):
        text = "\n".join(lines(os.path.join(REPO, "docs", "STORE.md"))) + "\n"
        return re.findall(r"```(sql|sqlite)\n(.*?)```", text, re.S)

    def test_documented_queries_run_in_sqlite_and_duckdb(self):
        blocks = self.blocks()
        self.assertGreaterEqual(len([b for b in blocks if b[0] == "sql"]), 6)
        lite = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
        con = duck()
        con.execute(f"ATTACH '{DB}' AS k (TYPE sqlite, READ_ONLY); USE k")
        for kind, sql in blocks:
            with self.subTest(sql=sql.splitlines()[0]):
                got = lite.execute(sql).fetchall()
                self.assertGreater(len(got), 0, "the fixture store answers every example")
                if kind == "sqlite":
                    continue
                theirs = con.execute(sql).fetchall()
                norm = lambda rows: [tuple(round(v, 6) if isinstance(v, float) else v for v in r) for r in rows]
                self.assertEqual(norm(theirs), norm(got), "DuckDB and SQLite agree")

    def test_recounted_counts_equal_the_stored(self):
        lite = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
        sql = [s for _, s in self.blocks() if "mentions_counted" in s][0]
        for _, m, a, mc, ac in lite.execute(sql):
            self.assertEqual((m, a), (mc, ac))


if __name__ == "__main__":
    import sys
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print(f"python outputs: {result.testsRun - failed - len(result.skipped)} passed, {failed} failed")
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)
