#!/usr/bin/env python3
"""Checks the shape of the source tree (run by ctest as `source_layers`):

  - each folder of pipeline/ includes only its own headers and those of folders below it, in
    the order of LAYERS (the libraries in CMakeLists.txt follow the same order); the adapters
    in extractors/ see only model/ and layout/;
  - JSON (nlohmann/json) is read and written in pipeline/io/ only;
  - no source file is longer than MAX_LINES (rooms of one idea: split a file that grows past it).

Prints every breach with its file and line and exits 1 when there is one.
  tools/check_layers.py [ROOT]
"""
import pathlib
import re
import sys

# Lowest first. A folder may include a folder listed before it, never one after.
LAYERS = ["model", "thai", "layout", "tables", "families", "validate", "ocr", "page", "run", "io",
          "batch", "cli"]
# What the adapters may see: the interfaces and value types, and raster helpers.
ADAPTER_SEES = {"model", "layout"}
MAX_LINES = 500

INCLUDE = re.compile(r'^\s*#\s*include\s+"pipeline/([a-z_]+)/')
JSON_INCLUDE = re.compile(r'^\s*#\s*include\s+<nlohmann/')


def breaches(root: pathlib.Path):
    rank = {name: i for i, name in enumerate(LAYERS)}
    for folder in sorted((root / "pipeline").iterdir()):
        if not folder.is_dir():
            continue
        if folder.name not in rank:
            yield f"pipeline/{folder.name}/: a folder with no place in LAYERS (tools/check_layers.py)"
            continue
        for path in sorted(folder.glob("*.[ch]*")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if m and m.group(1) in rank and rank[m.group(1)] > rank[folder.name]:
                    yield (f"{path.relative_to(root)}:{number}: {folder.name}/ includes {m.group(1)}/, "
                           f"a higher layer")
    for path in sorted((root / "extractors").glob("*.[ch]*")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = INCLUDE.match(line)
            if m and m.group(1) not in ADAPTER_SEES:
                yield f"{path.relative_to(root)}:{number}: an adapter includes pipeline/{m.group(1)}/"
    for path in sorted(list((root / "pipeline").rglob("*.[ch]*")) + list((root / "extractors").glob("*.[ch]*"))):
        if path.parent.name == "io" and path.parent.parent.name == "pipeline":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if JSON_INCLUDE.match(line):
                yield f"{path.relative_to(root)}:{number}: JSON outside pipeline/io/"
    for top in ("pipeline", "extractors", "tests", "bench", "tools"):
        for path in sorted((root / top).rglob("*")):
            if path.suffix not in (".cc", ".h") or "corpus" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
            if lines > MAX_LINES:
                yield f"{path.relative_to(root)}: {lines} lines, over {MAX_LINES}: split it by idea"


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent)
    found = list(breaches(root))
    for b in found:
        print(b)
    if found:
        print(f"{len(found)} breach(es) of the source tree's layers and sizes")
        return 1
    print("layers and sizes: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
