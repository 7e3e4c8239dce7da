#!/usr/bin/env python3
"""Copies the vector tiles a city's map needs out of a git clone of an OpenMapTiles tile
repository, into the folder the map serves them from.

The areas and zooms come from `tiles.vector` in the city's `data/config.json`:

    "tiles": {"vector": {"url": "data/tiles/{z}/{x}/{y}.pbf",
                         "areas": [{"bounds": {"min_lat": …, "max_lat": …, "min_lon": …, "max_lon": …},
                                    "max_zoom": 10}, …]}, …}

Every tile from zoom 0 to an area's `max_zoom` that overlaps the area's box is copied, as it is
stored (plain, uncompressed Mapbox Vector Tiles: any static host serves them), then trimmed by
`trim_tiles.mjs` (Node) to what the map's style draws where each tile is shown. The folder is
emptied first, so the result depends only on the source commit and the configuration. A manifest
`tiles.json` beside the tiles records the source, the commit, the areas and every tile written:
the service worker reads it to pre-cache the whole area on a kiosk.

Usage (Python 3 standard library, git, and Node for the trimming):

    python3 tools/tiles/prepare_tiles.py --clone CLONE [--commit SHA] [--config data/config.json]
        [--out DIR] [--measure]

`--measure` prints what each area and zoom weighs (raw and gzip) and writes nothing.
"""

import argparse
import gzip
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

SOURCE_REPOSITORY = "tokenless-tiles/vietnam"
# gh-pages at this commit: OSM as of 2021-08-06, tilemaker, OpenMapTiles schema, z0-14.
SOURCE_COMMIT = "dcfed9ab4689ee4eac3d67e984b2beea2bfe84fc"
# The tiles' folder inside the source repository.
SOURCE_FOLDER = "tiles"
ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
TEMPLATE_END = "{z}/{x}/{y}.pbf"


def tile_range(bounds, zoom):
    """The x and y ranges (inclusive) of the tiles at `zoom` that overlap `bounds`."""
    n = 1 << zoom

    def x_of(lon):
        return min(n - 1, max(0, math.floor((lon + 180.0) / 360.0 * n)))

    def y_of(lat):
        rad = math.radians(lat)
        y = (1.0 - math.log(math.tan(rad) + 1.0 / math.cos(rad)) / math.pi) / 2.0 * n
        return min(n - 1, max(0, math.floor(y)))

    return (
        range(x_of(bounds["min_lon"]), x_of(bounds["max_lon"]) + 1),
        range(y_of(bounds["max_lat"]), y_of(bounds["min_lat"]) + 1),
    )


def wanted_tiles(areas):
    """Every (z, x, y) the areas ask for, in a stable order."""
    tiles = set()
    for area in areas:
        for zoom in range(0, area["max_zoom"] + 1):
            xs, ys = tile_range(area["bounds"], zoom)
            tiles.update((zoom, x, y) for x in xs for y in ys)
    return sorted(tiles)


def stored_blobs(clone, commit):
    """The source's tiles at `commit`: "z/x/y" -> (blob id, size)."""
    listing = subprocess.run(
        ["git", "-C", str(clone), "ls-tree", "-r", "-l", commit, SOURCE_FOLDER + "/"],
        check=True, capture_output=True, text=True,
    ).stdout
    blobs = {}
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        _mode, kind, blob, size = meta.split()
        if kind == "blob" and path.endswith(".pbf"):
            blobs[path[len(SOURCE_FOLDER) + 1:-len(".pbf")]] = (blob, int(size))
    return blobs


def read_blobs(clone, blob_ids):
    """The contents of the given blobs, read through one `git cat-file --batch`."""
    process = subprocess.Popen(
        ["git", "-C", str(clone), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    contents = {}
    for blob in blob_ids:
        process.stdin.write((blob + "\n").encode())
        process.stdin.flush()
        header = process.stdout.readline().split()
        size = int(header[2])
        contents[blob] = process.stdout.read(size)
        process.stdout.read(1)  # the newline after each object
    process.stdin.close()
    process.wait()
    return contents


def vector_config(config_path):
    """`tiles.vector` of the configuration, checked enough to use."""
    config = json.loads(Path(config_path).read_text(encoding="utf-8-sig"))
    vector = config.get("tiles", {}).get("vector")
    if not vector:
        sys.exit(f"{config_path}: no \"tiles.vector\" to prepare")
    url = vector["url"]
    if not url.endswith(TEMPLATE_END):
        sys.exit(f"{config_path}: \"tiles.vector.url\" must end with {TEMPLATE_END}")
    return vector


def measure(areas, blobs, contents):
    """Prints each area's tiles by zoom: count, bytes, gzip bytes; and the union's total."""
    def weigh(tiles):
        present = [f"{z}/{x}/{y}" for z, x, y in tiles if f"{z}/{x}/{y}" in blobs]
        raw = sum(blobs[t][1] for t in present)
        packed = sum(len(gzip.compress(contents[blobs[t][0]], 6)) for t in present)
        return len(present), len(tiles), raw, packed

    for index, area in enumerate(areas):
        print(f"area {index}: {area['bounds']} z0-{area['max_zoom']}")
        for zoom in range(area["max_zoom"] + 1):
            xs, ys = tile_range(area["bounds"], zoom)
            tiles = [(zoom, x, y) for x in xs for y in ys]
            stored, grid, raw, packed = weigh(tiles)
            print(f"  z{zoom:<2} {stored:>5} / {grid:<5} tiles {raw:>11,} bytes  {packed:>11,} gzip")
    stored, grid, raw, packed = weigh(wanted_tiles(areas))
    print(f"all areas: {stored} / {grid} tiles, {raw:,} bytes, {packed:,} gzip")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clone", required=True, help=f"a git clone of {SOURCE_REPOSITORY}")
    parser.add_argument("--commit", default=SOURCE_COMMIT, help="the source commit (default: the pinned one)")
    parser.add_argument("--config", default="data/config.json")
    parser.add_argument("--out", help="where to write (default: the folder of tiles.vector.url)")
    parser.add_argument("--measure", action="store_true", help="print sizes only, write nothing")
    args = parser.parse_args()

    vector = vector_config(args.config)
    areas = vector["areas"]
    blobs = stored_blobs(args.clone, args.commit)
    tiles = wanted_tiles(areas)
    keys = [f"{z}/{x}/{y}" for z, x, y in tiles]
    present = [k for k in keys if k in blobs]
    contents = read_blobs(args.clone, sorted({blobs[k][0] for k in present}))
    if args.measure:
        measure(areas, blobs, contents)
        return

    out = Path(args.out or vector["url"][: -len(TEMPLATE_END)])
    if out.exists():
        shutil.rmtree(out)
    for key in present:
        path = out / f"{key}.pbf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contents[blobs[key][0]])
    manifest = {
        "source": f"https://github.com/{SOURCE_REPOSITORY}",
        "commit": args.commit,
        "attribution": ATTRIBUTION,
        "licence": "https://opendatacommons.org/licenses/odbl/1-0/",
        "format": "Mapbox Vector Tile 2, OpenMapTiles schema, uncompressed",
        "areas": areas,
        "bytes": sum(blobs[k][1] for k in present),
        # Tiles the areas cover that the source does not have (empty land at its edges): the
        # map draws its background there.
        "absent": [k for k in keys if k not in blobs],
        "tiles": present,
    }
    (out / "tiles.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(present)} tiles, {manifest['bytes']:,} bytes into {out}/ "
          f"({len(manifest['absent'])} absent from the source)")
    # What the map's style never draws where a tile is shown is left out (the script says why).
    subprocess.run(["node", str(Path(__file__).with_name("trim_tiles.mjs")), str(out)], check=True)


if __name__ == "__main__":
    main()
