#!/usr/bin/env python3
"""Generate lexicons/en/verbs-petrarch.toml from PETRARCH's CAMEO.2.0 verb dictionary.

Usage (from the repository root):
    python3 tools/verbgen.py --shared ../shared          # regenerate lexicons/en/verbs-petrarch.toml
    python3 tools/verbgen.py --shared ../shared --check  # exit 1 if the committed file differs
    python3 tools/verbgen.py --shared ../shared --stats  # print what was converted and skipped

Standard library only. Output is deterministic (stable order, LF line endings, UTF-8).

Input: <shared>/data/lexicons/petrarch/CAMEO.2.0.txt (Open Event Data Alliance, MIT). Its format
(see the file's header and PETRARCH's dictionary documentation):

  &SYNSET / +word lines          noun synonym sets used in patterns ("&WEAPON")
  ---  NAME  [code]  ---         a block of synonymous verbs; [code] is the block's default
  VERB {FORMS} [code]            a verb of the block, its irregular forms, its own code
  +VERB_PARTICLE {...} [code]    a multi-word verb ("ask for")
  - pre * post [code]            a phrase pattern: * is the verb, words after it its object,
                                 (...) a prepositional phrase, {...} consecutive words, &X a
                                 synset, $ + ^ % actor slots; [a:b] codes a, and b in reverse

How each construct becomes a khabar pattern (docs/PATTERNS.md); EMIT below says which are
written, with the measurements behind it:

  * A verb with a code (its own or its block's) and no object becomes a pattern with `verbs`
    (regular lemmas) or `forms` (lemma + the irregular forms PETRARCH lists). Null-coded
    patterns of the block ("- * X [---]": the verb with X is no event) become its `excludes`.
  * "- * OBJECT [code]" becomes a pattern for all verbs of the block whose `requires` lists the
    object words (a synset gives all its members). The coder checks one word within `window`,
    so a pattern of several words is approximated by its most specific word (the one fewest
    patterns of the dictionary use), and a {compound} by its own most specific word. Patterns of
    one block with the same code are merged; the more specific ones are tried first.
  * A particle right after the verb ("- * OFF ...", "- * UP ...") joins the trigger ("set off").
  * A pattern whose object is only a preposition ("- * (AGAINST)") requires that preposition
    right after the verb. A pattern with only actor slots ("- * +") codes the verb when it has
    a target (`needs_target`).
  * [a:a] is symmetric; [a:b] keeps a (the reverse event b needs the parse); [:b] is dropped.

Skipped: patterns with words before the verb (subject constraints need the parse), the
TRANSFORMATIONS section, codes absent from lexicons/cameo/codes.tsv, code 010 (a bare
statement: every verb of saying), verbs of saying that the coder uses as report verbs, and the
object-less default of light verbs (see LIGHT_ROOTS). Forms the hand-written en/verbs.toml
already covers keep no object-less default here: that file decides when its words are events.
"""

import argparse
import collections
import os
import re
import sys
import tomllib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "lexicons", "en", "verbs-petrarch.toml")
HAND = os.path.join(REPO, "lexicons", "en", "verbs.toml")
GRAMMAR = os.path.join(REPO, "lexicons", "en", "grammar.toml")
CODES = os.path.join(REPO, "lexicons", "cameo", "codes.tsv")

# Confidence per construct.
CONF_DEFAULT = 0.6      # the verb alone
CONF_OBJECT = 0.75      # the verb and its object word
CONF_APPROX = 0.65      # a pattern of several words, approximated by one
CONF_PREP = 0.55        # the verb and a preposition right after it
CONF_TARGET = 0.6       # the verb with a target actor

# The object word must be the word after the verb or the one after that ("imposed a curfew",
# "staged rallies"). Measured on the English dev set by distance of the matched word: within two
# words about half of the events were right, from three words on under one in five.
WINDOW_OBJECT = 2       # object words: the head of the noun phrase right after the verb
WINDOW_APPROX = 2       # several words approximated by one: the same
WINDOW_PREP = 1         # a preposition right after the verb

# Constructs written (see the module doc); each was measured as a class on the English dev set
# (a class is kept when more of its events are right than the file's F1/2, the break-even point).
# Off: the verb alone ("default", about one event in five right even with past forms only: without
# a parser "forces", "aid", "armed", "wounded" are mostly not verbs, and a sentence's own event is
# one), a bare "- * [code]" pattern, and a lone preposition ("- * (AGAINST)"): none came out right.
EMIT = {"object": True, "approx": True, "prep": False, "target": True, "particle": True, "bare": False,
        "default": False}

# A verb whose own patterns (PETRARCH's comments name the verb each pattern was found for) code
# this many different CAMEO roots is a light verb: what it means depends on its object ("take",
# "give", "set", "launch", "hold"), so it gets no object-less event.
LIGHT_ROOTS = 8

# Codes never generated: 010 is "make a statement", which every verb of saying would code.
SKIP_CODES = {"010"}

PARTICLES = {"OFF", "UP", "OUT", "DOWN", "FORWARD", "ASIDE", "BACK", "AWAY", "AHEAD", "OVER"}
FUNCTION = {
    "TO", "FOR", "OF", "IN", "ON", "AT", "BY", "WITH", "FROM", "INTO", "AGAINST", "ABOUT", "OVER",
    "UNDER", "BEFORE", "AFTER", "BEHIND", "ALONG", "THROUGH", "BETWEEN", "UNTIL", "AMONG", "AROUND",
    "ACROSS", "TOWARD", "TOWARDS", "UPON", "WITHIN", "WITHOUT", "DURING", "THAT", "THE", "A", "AN",
    "HIS", "HER", "ITS", "THEIR", "HIMSELF", "HERSELF", "ITSELF", "THEMSELVES", "AS", "WILL",
    "NOT", "NO", "IT", "THEM", "HIM", "THIS", "THESE", "THOSE", "AND", "OR", "BE", "IS", "ARE",
    "WAS", "WERE", "HAS", "HAVE", "HAD", "UP", "OFF", "OUT", "DOWN", "AWAY", "BACK",
}
PREPOSITIONS = {
    "TO", "FOR", "OF", "IN", "ON", "AT", "BY", "WITH", "FROM", "INTO", "AGAINST", "ABOUT", "OVER",
    "UNDER", "BEFORE", "AFTER", "BEHIND", "ALONG", "THROUGH", "BETWEEN", "UNTIL", "AMONG", "UPON",
    "TOWARD", "TOWARDS", "WITHIN", "ACROSS", "AROUND",
}
SLOTS = {"$", "+", "^", "%"}


# ---------------------------------------------------------------- reading

def strip_comment(line):
    line = re.sub(r"<!--.*?-->", "", line)
    return line.split("#", 1)[0].rstrip()


def words_of(item):
    """'PRIME_MINISTER_' -> 'prime minister'."""
    return " ".join(w for w in item.strip("_").replace("_", " ").lower().split())


def read_dictionary(path):
    """Returns (synsets, blocks). A block is a dict: name, code, verbs [(lemma, forms|None, code)],
    patterns [(line_no, text, code)]."""
    synsets = {}
    blocks = []
    found_for = collections.defaultdict(set)   # verb -> CAMEO roots of the patterns found for it
    section = None
    cur_syn = None
    block = None
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    for n, raw in enumerate(lines, 1):
        if raw.startswith("#######") and "SYNONYM" in raw:
            section = "syn"
            continue
        if raw.startswith("#######") and "VERB PATTERNS" in raw:
            section = "verbs"
            continue
        if raw.startswith("########") and "TRANSFORMATIONS" in raw:
            section = "transformations"
            continue
        line = strip_comment(raw)
        if not line.strip():
            if not raw.strip():
                cur_syn = None   # a blank line ends a synset; a comment line does not
            continue
        if section == "syn":
            if line.startswith("&"):
                cur_syn = line.split()[0].rstrip("_")
                synsets[cur_syn] = []
            elif line.startswith("+") and cur_syn:
                synsets[cur_syn].append(words_of(line[1:].split("[")[0]))
        elif section == "verbs":
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---", line)
            if m:
                block = {"name": m.group(1), "code": m.group(2).strip(), "verbs": [], "patterns": []}
                blocks.append(block)
                continue
            if block is None:
                continue
            if line.startswith("&"):
                # a synset defined among the verbs
                cur_syn = line.split()[0].rstrip("_")
                synsets[cur_syn] = []
                continue
            if line.startswith("-"):
                m = re.search(r"\[([^\]]*)\]\s*$", line)
                if not m:
                    continue
                block["patterns"].append((n, line[1:m.start()].strip(), m.group(1).strip()))
                c = re.search(r"#\s*\+?([A-Z][A-Z_+']*)", raw)
                if c:
                    found_for[words_of(c.group(1).replace("+", ""))].add(m.group(1).split(":")[0].strip()[:2])
                continue
            if cur_syn and line.startswith("+") and not block["verbs"] and False:
                continue
            m = re.match(r"^\+?(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?", line.strip())
            if not m:
                continue
            lemma = words_of(m.group(1).replace("+", ""))
            forms = None
            if m.group(2) is not None:
                forms = [words_of(x.replace("+", "")) for x in m.group(2).split()]
            block["verbs"].append((lemma, forms, (m.group(3) or "").strip()))
    for roots in found_for.values():
        roots.discard("")
        roots.discard("--")
    return synsets, blocks, found_for


def read_codes(path):
    codes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            codes.add(line.split("\t")[0])
    return codes


def english_inflections(lemma):
    """The forms khabar's loader makes of a lemma (crates/khabar-lexicon/src/patterns.rs)."""
    words = lemma.split()
    h, tail = words[0], (" " + " ".join(words[1:]) if len(words) > 1 else "")
    vowel = lambda c: c in "aeiou"
    n = len(h)
    forms = [h]
    if h.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(h + "es")
    elif n > 1 and h.endswith("y") and not vowel(h[-2]):
        forms.append(h[:-1] + "ies")
    else:
        forms.append(h + "s")
    if h.endswith(("ee", "oe", "ye")):
        forms += [h + "d", h + "ing"]
    elif h.endswith("e"):
        forms += [h + "d", h[:-1] + "ing"]
    elif n > 1 and h.endswith("y") and not vowel(h[-2]):
        forms += [h[:-1] + "ied", h + "ing"]
    elif n >= 3 and not vowel(h[-1]) and vowel(h[-2]) and not vowel(h[-3]) and h[-1] not in "wxy" and n <= 4:
        forms += [h + h[-1] + "ed", h + h[-1] + "ing"]
    else:
        forms += [h + "ed", h + "ing"]
    return [f + tail for f in forms]


def hand_forms(path):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    out = set()
    for p in data.get("pattern", []):
        for v in p.get("verbs", []):
            out.update(english_inflections(v.lower()))
        out.update(x.lower() for x in p.get("forms", []))
    return out


def grammar_words(path):
    """Words the coder reads as grammar (negation, denial, future, intent, report): not triggers."""
    with open(path, "rb") as f:
        data = tomllib.load(f)
    out = set()
    for key in ("negation", "denial", "future", "intent", "report"):
        out.update(w.lower() for w in data.get(key, []))
    return out


# ---------------------------------------------------------------- patterns

TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


def parse_pattern(text):
    """Splits a pattern into (before, after) lists of elements; each element is
    (kind, value): kind in word, synset, compound, pp, slot. None if malformed."""
    text = text.replace("\t", " ")
    toks = TOKEN.findall(text)
    stars = [i for i, t in enumerate(toks) if t in ("*", "**")]
    if len(stars) != 1:
        return None
    def elem(t):
        if t in SLOTS:
            return ("slot", t)
        if t.startswith("("):
            inner = [x for x in TOKEN.findall(t[1:-1])]
            return ("pp", [elem(x) for x in inner])
        if t.startswith("{"):
            inner = TOKEN.findall(t[1:-1])
            return ("compound", [elem(x) for x in inner])
        if t.startswith("&"):
            return ("synset", t.rstrip("_"))
        if not re.match(r"^[A-Z0-9'][A-Z0-9_'\-]*$", t):
            return ("bad", t)
        return ("word", t)
    before = [elem(t) for t in toks[:stars[0]]]
    after = [elem(t) for t in toks[stars[0] + 1:]]
    return before, after


def flatten(elems):
    """Leaf elements (word/synset/slot/bad) in order."""
    out = []
    for k, v in elems:
        if k in ("pp", "compound"):
            out.extend(flatten(v))
        else:
            out.append((k, v))
    return out


def head_words(item):
    """The single word a synset member or word stands for in `requires`: its last word."""
    w = words_of(item)
    return w.split()[-1] if w else ""


def phrase_words(synsets, blocks, parsed, agents_path):
    """Words PETRARCH uses other than as the head verb: synset members, the words of phrase
    patterns after the verb, and the agent nouns. A verb form among them is ambiguous (mostly a
    noun: "forces", "aid", "plan"; or an adjective: "armed", "alleged")."""
    words = set()
    for members in synsets.values():
        for m in members:
            words.update(m.split())
    for b in blocks:
        for (n, text, code) in b["patterns"]:
            pp = parsed.get(n)
            if not pp:
                continue
            for k, v in flatten(pp[1]):
                if k == "word" and v not in FUNCTION:
                    words.update(words_of(v).split())
    if os.path.exists(agents_path):
        with open(agents_path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = strip_comment(line)
                if not line.strip() or line.startswith("!"):
                    continue
                phrase = re.sub(r"!.*?!", "", line.split("[")[0].split("{")[0])
                words.update(words_of(phrase).split())
    return words


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"))
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    ap.add_argument("--stats", action="store_true", help="print counts of converted and skipped constructs")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    src = os.path.join(args.shared, "data", "lexicons", "petrarch", "CAMEO.2.0.txt")
    agents = os.path.join(args.shared, "data", "lexicons", "petrarch", "Phoenix.agents.txt")
    text = generate(src, agents, args.stats)
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                old = f.read()
        except FileNotFoundError:
            old = None
        if old != text:
            print("%s differs from what tools/verbgen.py generates" % os.path.relpath(args.out, REPO), file=sys.stderr)
            sys.exit(1)
        print("verbs-petrarch.toml is up to date")
        return
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(src, agents, stats_out=False):
    synsets, blocks, found_for = read_dictionary(src)
    codes = read_codes(CODES)
    hand = hand_forms(HAND)
    grammar = grammar_words(GRAMMAR)
    stats = collections.Counter()

    # how many patterns use each word or synset: rarer is more specific
    freq = collections.Counter()
    parsed = {}
    for b in blocks:
        for (n, text, code) in b["patterns"]:
            pp = parse_pattern(text)
            parsed[n] = pp
            if pp is None:
                continue
            seen = set()
            for k, v in flatten(pp[1]):
                if k == "word" and v not in FUNCTION:
                    seen.add(v)
                elif k == "synset":
                    seen.add(v)
            for s in seen:
                freq[s] += 1

    nounish = phrase_words(synsets, blocks, parsed, agents)

    def syn_members(name):
        key = name.lstrip("&")
        key = "&" + key
        members = synsets.get(key)
        if members is None:
            return None
        return sorted({head_words(m) for m in members if head_words(m)})

    def ident(s):
        return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")

    out_patterns = []
    for b in blocks:
        bname = ident(b["name"])
        block_code = b["code"]
        # verb forms: lemma -> (regular?, forms)
        verbs = []
        for lemma, forms, vcode in b["verbs"]:
            allf = set(english_inflections(lemma)) if forms is None else set([lemma] + forms)
            if allf & grammar:
                stats["skip verb: the coder reads it as grammar (report, intent, negation...)"] += 1
                continue
            verbs.append((lemma, forms, vcode or block_code))

        def trigger_fields(particle=None, only=None):
            """verbs/forms fields for the block's verbs (or `only`), with a particle appended."""
            reg, lit = [], []
            for lemma, forms, _ in verbs:
                if only is not None and lemma not in only:
                    continue
                suffix = (" " + particle) if particle else ""
                if forms is None:
                    reg.append(lemma + suffix)
                else:
                    if particle and len(lemma.split()) > 1:
                        continue
                    lit.extend([lemma + suffix] + [f + suffix for f in forms])
            return sorted(set(reg)), sorted(set(lit))


        groups = collections.OrderedDict()   # key -> dict
        excludes = set()
        for idx, (n, text, code) in enumerate(b["patterns"]):
            stats["patterns"] += 1
            pp = parsed[n]
            if pp is None:
                stats["skip: malformed"] += 1
                continue
            before, after = pp
            if any(k != "slot" for k, _ in before):
                stats["skip: words before the verb (subject constraint)"] += 1
                continue
            leaves = flatten(after)
            if any(k == "bad" for k, _ in leaves):
                stats["skip: malformed"] += 1
                continue
            # particle joined to the trigger
            particle = None
            if after and after[0][0] == "word" and after[0][1] in PARTICLES:
                particle = after[0][1].lower()
                after = after[1:]
                leaves = flatten(after)
            content = [(k, v) for k, v in leaves if (k == "word" and v not in FUNCTION) or k == "synset"]
            preps = [v for k, v in leaves if k == "word" and v in PREPOSITIONS]
            has_target = any(k == "slot" and v == "+" for k, v in leaves)
            # the word(s) to require
            construct = None
            if content:
                undefined = [v for k, v in content if k == "synset" and syn_members(v) is None]
                if undefined:
                    stats["skip: undefined synset"] += 1
                    continue
                best = min(content, key=lambda kv: (freq[kv[1]], content.index(kv)))
                req = syn_members(best[1]) if best[0] == "synset" else [words_of(best[1])]
                construct = "object" if len(content) == 1 else "approx"
            elif preps:
                req = [preps[0].lower()]
                construct = "prep"
            elif has_target:
                req = []
                construct = "target"
            elif particle:
                req = []
                construct = "particle"
            else:
                req = []
                construct = "bare"
            # the code
            a, _, bcode = code.partition(":")
            a = a.strip()
            if a == "---" or (not a and not bcode):
                if construct in ("object", "approx", "prep") and not particle:
                    excludes.update(req)
                    stats["null pattern -> excludes"] += 1
                else:
                    stats["skip: null pattern"] += 1
                continue
            if not a:
                stats["skip: reverse-only code [:b]"] += 1
                continue
            if a not in codes:
                stats["skip: code not in codes.tsv"] += 1
                continue
            if a in SKIP_CODES:
                stats["skip: code 010"] += 1
                continue
            symmetric = bcode.strip() == a
            if not EMIT[construct]:
                stats["skip: construct %s" % construct] += 1
                continue
            key = (particle, a, construct if construct in ("prep", "target", "bare", "particle") else "obj", symmetric)
            g = groups.setdefault(key, {"req": set(), "constructs": collections.Counter(), "first": idx, "size": 0})
            g["req"].update(req)
            g["constructs"][construct] += 1
            g["size"] = max(g["size"], len(content))
            stats["convert: " + construct] += 1

        emitted = []
        # most specific first: objects, then prepositions, then target-only, then bare patterns
        order = {"obj": 0, "prep": 1, "target": 2, "particle": 3, "bare": 3}
        for key, g in sorted(groups.items(), key=lambda kv: (order[kv[0][2]], -kv[1]["size"], kv[1]["first"])):
            particle, code, kind, symmetric = key
            reg, lit = trigger_fields(particle)
            if not reg and not lit:
                continue
            cons = g["constructs"]
            if kind == "obj":
                approx = cons["approx"] > 0
                conf = CONF_APPROX if approx and cons["object"] == 0 else CONF_OBJECT
                window = WINDOW_APPROX if approx else WINDOW_OBJECT
                note = "PETRARCH %s: verb + object" % b["name"]
                if approx:
                    note += "; %d pattern(s) of several words approximated by their most specific word" % cons["approx"]
            elif kind == "prep":
                conf, window = CONF_PREP, WINDOW_PREP
                note = "PETRARCH %s: verb + prepositional phrase, approximated by the preposition" % b["name"]
            elif kind == "target":
                conf, window = CONF_TARGET, None
                note = "PETRARCH %s: verb + target actor" % b["name"]
            else:
                conf, window = CONF_DEFAULT, None
                note = "PETRARCH %s: the verb alone" % b["name"]
            emitted.append({
                "id": "%s-%s%s-%s" % (bname, (ident(particle) + "-") if particle else "", code, kind),
                "cameo": code, "verbs": reg, "forms": lit, "requires": sorted(g["req"]),
                "window": window, "symmetric": symmetric, "needs_target": kind == "target",
                "confidence": conf, "note": note,
            })

        # object-less defaults, per code of the block's verbs
        by_code = collections.OrderedDict()
        for lemma, forms, vcode in verbs:
            by_code.setdefault(vcode, []).append(lemma)
        for vcode, lemmas in by_code.items():
            if not EMIT["default"]:
                break
            a, _, bcode = vcode.partition(":")
            a = a.strip()
            if not a or a == "---":
                continue
            if a not in codes:
                stats["skip default: code not in codes.tsv"] += len(lemmas)
                continue
            if a in SKIP_CODES:
                stats["skip default: code 010"] += len(lemmas)
                continue
            keep = []
            lit_forms = []
            for lemma in lemmas:
                forms = next(f for l, f, _ in verbs if l == lemma)
                allf = set(english_inflections(lemma)) if forms is None else set([lemma] + forms)
                if len(found_for.get(lemma, ())) >= LIGHT_ROOTS:
                    stats["skip default: light verb"] += 1
                    continue
                if allf & hand:
                    stats["skip default: covered by en/verbs.toml"] += 1
                    continue
                # an ambiguous verb keeps only its past forms, and no form PETRARCH uses as a
                # noun or adjective elsewhere
                if forms is None:
                    infl = english_inflections(lemma)
                    past = {infl[2]}
                else:
                    past = {f for f in forms if not f.split()[0].endswith(("s", "ing"))}
                ambiguous = lemma.split()[0] in nounish
                kept = sorted(f for f in allf if f.split()[-1] not in nounish and (not ambiguous or f in past))
                if not kept:
                    stats["skip default: only noun/adjective forms"] += 1
                    continue
                if ambiguous:
                    stats["default: ambiguous verb, past forms only"] += 1
                keep.append(lemma)
                lit_forms.extend(kept)
            if not keep:
                continue
            reg, lit = [], sorted(set(lit_forms))
            stats["convert default"] += len(keep)
            emitted.append({
                "id": "%s-%s" % (bname, a), "cameo": a, "verbs": reg, "forms": lit,
                "requires": [], "excludes": sorted(excludes), "window": WINDOW_OBJECT if excludes else None,
                "symmetric": bcode.strip() == a, "needs_target": False,
                "confidence": CONF_DEFAULT, "note": "PETRARCH %s: the verb alone" % b["name"],
            })
        out_patterns.extend(emitted)

    # unique ids
    seen = collections.Counter()
    for p in out_patterns:
        seen[p["id"]] += 1
        if seen[p["id"]] > 1:
            p["id"] += "-%d" % seen[p["id"]]

    if stats_out:
        for k, v in sorted(stats.items()):
            print("%6d  %s" % (v, k), file=sys.stderr)
        print("%6d  khabar patterns written" % len(out_patterns), file=sys.stderr)
    return render(out_patterns)


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


def render(patterns):
    lines = [
        "# English event patterns converted from the PETRARCH CAMEO.2.0 verb dictionary",
        "# (Open Event Data Alliance, MIT License; see NOTICE).",
        "# generated by tools/verbgen.py; do not edit by hand.",
        "# The hand-written en/verbs.toml is loaded first and wins ties. Each pattern's note names",
        "# the PETRARCH verb block it comes from and how it was converted.",
        "",
    ]
    for p in patterns:
        lines.append("[[pattern]]")
        lines.append("id = %s" % q(p["id"]))
        lines.append("cameo = %s" % q(p["cameo"]))
        if p["verbs"]:
            lines.append("verbs = %s" % qlist(p["verbs"]))
        if p["forms"]:
            lines.append("forms = %s" % qlist(p["forms"]))
        if p["requires"]:
            lines.append("requires = %s" % qlist(p["requires"]))
        if p.get("excludes"):
            lines.append("excludes = %s" % qlist(p["excludes"]))
        if p["window"] is not None:
            lines.append("window = %d" % p["window"])
        if p["symmetric"]:
            lines.append("symmetric = true")
        if p["needs_target"]:
            lines.append("needs_target = true")
        lines.append("confidence = %.2f" % p["confidence"])
        lines.append("note = %s" % q(p["note"]))
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
