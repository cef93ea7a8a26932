#!/bin/sh
# `make bench`: the one benchmark table of plaquette (bench/README.md).
# Every figure is the median of REPEAT runs, each run a fresh process (so peak RSS is per run):
#   - the default brochure (print + screen PDFs), its peak RSS and PDF sizes;
#   - every EPCI variant in French (`build --all --force --lang fr`: the Dutch editions left out)
#     on one thread and on all threads;
#   - the large-layer map (bench_map) against the bare OGR read of the same layer, its PDF size
#     and peak RSS against the size of the geometry drawn.
# Prints the table, then `key: value` lines (the keys are listed in bench/README.md).
# Usage: bench.sh PLAQUETTE BENCH_MAP BIG_GPKG OUT_DIR [REPEAT] [map|brochure|all]
# Run from the project root.
set -eu
plaquette=$1
bench_map=$2
big=$3
out=$4
repeat=${5:-3}
what=${6:-all}
mkdir -p "$out/runs"
runs="$out/runs"
rm -f "$runs"/*.kv

now() { date +%s.%N; }
seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", e - s }'; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", b / 1048576 }'; }

# timed NAME COMMAND...: runs COMMAND once, appends NAME_s and NAME_rss_mb to $runs/NAME.kv.
timed() {
  name=$1
  shift
  start=$(now)
  /usr/bin/time -f '%M' -o "$runs/$name.rss" "$@" >"$runs/$name.log" 2>&1 ||
    { cat "$runs/$name.log" >&2; echo "bench: failed: $*" >&2; exit 1; }
  end=$(now)
  {
    echo "${name}_s: $(seconds "$start" "$end")"
    echo "${name}_rss_mb: $(awk '{ printf "%.1f", $1 / 1024 }' "$runs/$name.rss")"
  } >>"$runs/$name.kv"
}

# median FILE KEY: the median of the values of KEY in FILE.
median() {
  grep "^$2: " "$1" | awk '{ print $2 }' | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

threads=$(nproc)
i=0
while [ "$i" -lt "$repeat" ]; do
  i=$((i + 1))
  echo "bench: run $i of $repeat" >&2
  if [ "$what" != map ]; then
    timed brochure "$plaquette" build content/plaquette.yaml -o "$out/plaquette.pdf"
    timed variants_1thread "$plaquette" build --all --force --lang fr -j 1 content/plaquette.yaml -o "$out/plaquette.pdf"
    timed variants "$plaquette" build --all --force --lang fr -j "$threads" content/plaquette.yaml -o "$out/plaquette.pdf"
  fi
  if [ "$what" != brochure ]; then
    "$bench_map" "$big" "$out/map-bench.pdf" --repeat 1 >"$runs/map.log" 2>&1 ||
      { cat "$runs/map.log" >&2; exit 1; }
    grep -E '^map_[a-z_]+: ' "$runs/map.log" >>"$runs/map.kv"
  fi
done

# The table, then the key: value lines.
kv="$out/bench.kv"
: >"$kv"
line() { printf '  %-44s %12s %s\n' "$1" "$2" "$3"; }
echo
echo "plaquette benchmark: median of $repeat runs, $threads threads ($(uname -m), $(nproc) cores)"
line "measure" "median" ""
if [ "$what" != map ]; then
  b=$(median "$runs/brochure.kv" brochure_s)
  b_rss=$(median "$runs/brochure.kv" brochure_rss_mb)
  v1=$(median "$runs/variants_1thread.kv" variants_1thread_s)
  va=$(median "$runs/variants.kv" variants_s)
  va_rss=$(median "$runs/variants.kv" variants_rss_mb)
  count=$(grep -c ' pages)$' "$runs/variants.log" || true)
  ratio=$(awk -v a="$va" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
  print_mb=$(mb "$out/plaquette.pdf")
  screen_mb=$(mb "$out/plaquette-screen.pdf")
  variant_mb=$(for f in "$out"/plaquette-[0-9]*.pdf; do case $f in *-screen.pdf) ;; *) mb "$f"; echo ;; esac; done |
    sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  line "default brochure (print + screen PDFs)" "$b s" ""
  line "all $count EPCI variants, 1 thread" "$v1 s" ""
  line "all $count EPCI variants, $threads threads" "$va s" ""
  line "variants / one brochure" "$ratio" "(target on 2 cores: <= 2)"
  line "peak RSS, one brochure" "$b_rss MB" ""
  line "peak RSS, all variants" "$va_rss MB" ""
  line "brochure PDF, print (PDF/X-4)" "$print_mb MB" ""
  line "brochure PDF, screen" "$screen_mb MB" ""
  line "EPCI variant PDF, print (median)" "$variant_mb MB" ""
  cat >>"$kv" <<EOF
brochure_s: $b
variants_1thread_s: $v1
variants_s: $va
variants_vs_one: $ratio
brochure_peak_rss_mb: $b_rss
variants_peak_rss_mb: $va_rss
brochure_pdf_mb: $print_mb
brochure_screen_pdf_mb: $screen_mb
variant_pdf_mb: $variant_mb
EOF
fi
if [ "$what" != brochure ]; then
  for key in $(grep -oE '^map_[a-z_]+' "$runs/map.kv" | sort -u); do
    echo "$key: $(median "$runs/map.kv" "$key")" >>"$kv"
  done
  m() { grep "^$1: " "$kv" | awk '{ print $2 }'; }
  line "large-layer map, render" "$(m map_render_s) s" ""
  line "large-layer map, bare OGR read (floor)" "$(m map_floor_s) s" ""
  line "render / floor" "$(m map_vs_floor)" "(target: <= 1.5)"
  line "large-layer map PDF" "$(m map_pdf_mb) MB" "(target: < 5)"
  line "peak RSS, large-layer map" "$(m map_peak_rss_mb) MB" ""
  if grep -q '^map_geometry_mb: ' "$kv"; then
    line "geometry drawn" "$(m map_geometry_mb) MB" ""
    line "peak RSS / geometry" "$(m map_rss_vs_geometry)" "(target: <= 2)"
  fi
fi
echo
cat "$kv"
