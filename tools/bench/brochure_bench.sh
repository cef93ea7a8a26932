#!/bin/sh
# Times the real brochure: the default brochure once, then every EPCI variant (`build --all
# --force`, so that nothing is skipped as up to date) with one thread and with all threads.
# Best of REPEAT runs each (the machine is noisy). Prints a table on stderr, then key: value lines:
#   brochure_s, variants_1thread_s, variants_s, variants_vs_one (= variants_s / brochure_s).
# Usage: brochure_bench.sh PLAQUETTE OUT_DIR [REPEAT]   (run from the project root)
set -eu
plaquette=$1
out=$2
repeat=${3:-2}
mkdir -p "$out"

now() { date +%s.%N; }

# best_of COMMAND...: the shortest wall time of $repeat runs, in seconds.
best_of() {
  best=""
  i=0
  while [ "$i" -lt "$repeat" ]; do
    start=$(now)
    "$@" >"$out/last.log" 2>&1 || { cat "$out/last.log" >&2; echo "brochure_bench: failed: $*" >&2; exit 1; }
    end=$(now)
    best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; if (b == "" || t < b + 0) b = t; print b }')
    i=$((i + 1))
  done
  printf '%.3f' "$best"
}

threads=$(nproc)
brochure=$(best_of "$plaquette" build content/plaquette.yaml -o "$out/plaquette.pdf")
one=$(best_of "$plaquette" build --all --force -j 1 content/plaquette.yaml -o "$out/plaquette.pdf")
all=$(best_of "$plaquette" build --all --force -j "$threads" content/plaquette.yaml -o "$out/plaquette.pdf")
count=$(grep -c ' pages)$' "$out/last.log" || true)
ratio=$(awk -v a="$all" -v b="$brochure" 'BEGIN { printf "%.2f", a / b }')

{
  echo "brochure benchmark: best of $repeat, $threads threads, $count variants (PDFs in $out)"
  echo "  one brochure (print + screen)        $brochure s"
  echo "  all variants, 1 thread               $one s"
  echo "  all variants, $threads threads              $all s"
  echo "  all variants / one brochure          $ratio (target on 2 cores: at most 2)"
} >&2
echo "brochure_s: $brochure"
echo "variants_1thread_s: $one"
echo "variants_s: $all"
echo "variants_vs_one: $ratio"
