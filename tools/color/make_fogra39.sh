#!/usr/bin/env bash
# Builds assets/color/FOGRA39L.icc, the CMYK output profile of the print PDF, from the free
# FOGRA39L characterization data shipped by Debian (icc-profiles-free), with Argyll's colprof.
# Debian main ships no FOGRA39 .icc; the data (zlib licence, Kai-Uwe Behrmann) is free.
# Needs: apt-get install argyll icc-profiles-free. Takes about half a minute.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp /usr/share/color/icc/FOGRA39L.ti3 "$work/"
(cd "$work" && colprof -qm -kr -l300 -D "FOGRA39L coated" -C "Data: FOGRA39L.ti3 (zlib, Kai-Uwe Behrmann)" FOGRA39L)
cp "$work/FOGRA39L.icc" "$root/assets/color/FOGRA39L.icc"
echo "wrote assets/color/FOGRA39L.icc"
