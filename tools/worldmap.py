#!/usr/bin/env python3
"""Country outlines for `khabar serve`'s map: world-atlas's TopoJSON (Natural Earth 1:50m admin-0
countries, public domain; world-atlas packaging ISC) into the project's own compact file
`crates/khabar-server/web/world.json`: one SVG path per country, equirectangular (x = longitude,
y = -latitude) in units of 1/STEP degree (the page scales them), points rounded to that grid and
repeated points dropped, equal steps in a row merged, relative moves.

    npm install --prefix target/npm world-atlas@2.0.2
    python3 tools/worldmap.py target/npm/node_modules/world-atlas/countries-50m.json [--check]

Output: {"source": ..., "step": STEP, "countries": [{"id": "ISO 3166 numeric", "name": ..., "d": "M...Z"}]}.
"""
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "crates/khabar-server/web/world.json"
STEP = 10  # 1/STEP degree grid


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring, arcs):
    pts = []
    for i in ring:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def ring_path(pts):
    grid = []
    for lon, lat in pts:
        p = (round(lon * STEP), round(-lat * STEP))
        if not grid or grid[-1] != p:
            grid.append(p)
    if len(grid) > 1 and grid[0] == grid[-1]:
        grid.pop()
    if len(grid) < 3:
        return ""
    out = [f"M{grid[0][0]} {grid[0][1]}l"]
    moves = []
    for (x0, y0), (x, y) in zip(grid, grid[1:]):
        dx, dy = x - x0, y - y0
        if moves and moves[-1][2] == (dx, dy):  # the same step again: one longer move
            moves[-1][0] += dx
            moves[-1][1] += dy
        else:
            moves.append([dx, dy, (dx, dy)])
    rel = " ".join(f"{dx} {dy}" for dx, dy, _ in moves)
    return out[0] + rel.replace(" -", "-") + "z"


def convert(topo):
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        d = "".join(ring_path(ring_points(r, arcs)) for poly in polys for r in poly)
        if d:
            countries.append({"id": g.get("id", ""), "name": g["properties"]["name"], "d": d})
    countries.sort(key=lambda c: (c["name"], c["id"]))
    return {
        "source": "Natural Earth 1:50m Admin 0 countries v4.1.0 (public domain), via world-atlas 2.0.2 (ISC); tools/worldmap.py",
        "step": STEP,
        "countries": countries,
    }


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    if len(args) != 1:
        sys.exit(__doc__)
    text = json.dumps(convert(json.load(open(args[0], encoding="utf-8"))), ensure_ascii=False, separators=(",", ":")) + "\n"
    if "--check" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is stale: run tools/worldmap.py")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {len(text)} bytes")


if __name__ == "__main__":
    main()
