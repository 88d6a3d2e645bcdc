#!/usr/bin/env python3
"""How well stories group near-duplicates: exact word-3-shingle Jaccard of every pair of one
day's articles that share a shingle, against the store's story ids.

    scripts/story_quality.py khabar.db 2015-07-21
"""
import sqlite3, re, collections, itertools, sys
c = sqlite3.connect(sys.argv[1])
def norm(t):
    t = re.sub('[\u064B-\u065F\u0670\u0640]', '', t)
    t = re.sub('[أإآٱ]', 'ا', t).replace('ى','ي').replace('ة','ه').replace('ؤ','و').replace('ئ','ي')
    return t.lower()
def sh(t):
    w = [x for x in re.split(r'\W+', norm(t)) if x]
    return set(zip(w, w[1:], w[2:]))
day = sys.argv[2] if len(sys.argv) > 2 else '2015-07-21'
rows = c.execute("select id, story_id, text from articles where published like ?", (day+'%',)).fetchall()
S = {i: sh(t) for i, s, t in rows}; story = {i: s for i, s, t in rows}
inv = collections.defaultdict(list)
for i, s in S.items():
    for x in s: inv[x].append(i)
pairs = collections.Counter()
for x, ids in inv.items():
    if len(ids) > 50: continue
    for a, b in itertools.combinations(ids, 2): pairs[(a, b)] += 1
tp = fn = fp = 0; fn_j = []; fp_j=[]
grouped = set()
for (a, b), inter in pairs.items():
    if not S[a] or not S[b]: continue
    j = inter / len(S[a] | S[b])
    same = story[a] == story[b]
    if same: grouped.add((a,b))
    if j >= 0.8 and same: tp += 1
    elif j >= 0.8: fn += 1; fn_j.append(round(j,2))
    elif same and j < 0.5: fp += 1; fp_j.append(round(j,2))
same_all = sum(1 for (a,b) in itertools.combinations(sorted(S),2) if story[a]==story[b]) if len(S) < 4000 else -1
print(f"{day}: {len(rows)} articles, {len(set(story.values()))} stories; pairs J>=0.8: {tp+fn}, same story {tp} (recall {tp/max(1,tp+fn):.3f}); same-story pairs {same_all}, of them J<0.5: {fp}")
print("missed J:", sorted(fn_j)[:20], "weak grouped J:", sorted(fp_j)[:20])
