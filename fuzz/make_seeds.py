#!/usr/bin/env python3
"""Rebuilds the seed corpora in fuzz/corpus/ from the real content (run from anywhere).

markup, typography: every string of content/pages/*.yaml and content/depliant.yaml (paragraphs,
titles, captions), one file each, named by a hash of the text.
loader: the whole content files: content/plaquette.yaml, content/depliant.yaml, and each page
file turned into a content file (a template: line added before its pages:).
"""
import hashlib
import pathlib
import shutil

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


def write(folder, data: bytes):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main():
    for t in ("markup", "typography", "loader"):
        shutil.rmtree(CORPUS / t, ignore_errors=True)
    texts = set()
    sources = sorted((ROOT / "content/pages").glob("*.yaml")) + [ROOT / "content/depliant.yaml"]
    for f in sources:
        for s in strings(yaml.safe_load(f.read_text(encoding="utf-8"))):
            # Keep prose, not identifiers or lengths: something with a space or a marker in it.
            if any(c in s for c in " *_[\n'\""):
                texts.add(s)
    for s in texts:
        for t in ("markup", "typography"):
            write(CORPUS / t, s.encode("utf-8"))
    for name in ("plaquette.yaml", "depliant.yaml"):
        write(CORPUS / "loader", (ROOT / "content" / name).read_bytes())
    for f in sorted((ROOT / "content/pages").glob("*.yaml")):
        write(CORPUS / "loader", b"template: templates/plaquette-a4.yaml\n" + f.read_bytes())
    for t in ("markup", "typography", "loader"):
        print(f"{t}: {len(list((CORPUS / t).iterdir()))} seeds")


if __name__ == "__main__":
    main()
