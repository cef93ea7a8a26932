# plaquette — the two commands of the README:
#   make        installs missing Debian packages, builds, renders the brochure, every EPCI variant
#               (only those whose inputs changed) and the leaflet into output/
#   make test   builds and runs every test through ctest
#   make bench  one table, medians of BENCH_REPEAT runs: brochure, EPCI variants, large-layer map (bench/README.md);
#               data and PDFs in $(BENCH_DIR), not in the repo
#   make test-asan  the whole suite built with AddressSanitizer and UBSan (in build-asan/)
#   make fuzz       libFuzzer targets (clang): loader, markup, typography, labels, variables, FUZZ_SECONDS (60) each; fuzz/README.md
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PLAQUETTE := $(BUILD_DIR)/plaquette
BENCH_DIR ?= $(BUILD_DIR)/bench

BENCH_REPEAT ?= 3

ASAN_DIR ?= build-asan
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= markup typography loader labels variables

.PHONY: all deps configure build brochure preview test test-asan clean bench bench-brochure fuzz fuzz-build fuzz-ci

all: brochure

deps:
	@scripts/install-deps

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release

configure: $(BUILD_DIR)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

brochure: build
	$(PLAQUETTE) build content/plaquette.yaml -o output/plaquette.pdf
	$(PLAQUETTE) build --all content/plaquette.yaml -o output/plaquette.pdf
	$(PLAQUETTE) build content/depliant.yaml -o output/depliant.pdf
	$(PLAQUETTE) preview content/plaquette.yaml -o output/preview --dpi 96

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# -O0 with line tables: half the compile time of -O1 (CI builds it from scratch), a third slower to
# run, readable sanitizer reports; leaks in GDAL/fontconfig/libhyphen
# globals are not ours and are suppressed (tests/asan/lsan.supp).
test-asan: deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" -DPLAQUETTE_SANITIZE=ON
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/asan/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target plaquette bench_make_big_layer bench_map
	@test -f $(BENCH_DIR)/big-layer.gpkg || $(BUILD_DIR)/bench_make_big_layer $(BENCH_DIR)/big-layer.gpkg
	bench/bench.sh $(PLAQUETTE) $(BUILD_DIR)/bench_map $(BENCH_DIR)/big-layer.gpkg $(BENCH_DIR) $(BENCH_REPEAT) all

# The brochure part alone: one brochure, all EPCI variants with 1 thread and with all threads.
bench-brochure: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target plaquette
	bench/bench.sh $(PLAQUETTE) none none $(BENCH_DIR) $(BENCH_REPEAT) brochure

# A separate clang project (fuzz/CMakeLists.txt) compiling the sources it needs from src/.
fuzz-build: deps
	cmake -S fuzz -B $(FUZZ_DIR) -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(FUZZ_DIR) -j $(JOBS)

fuzz: fuzz-build
	fuzz/run-fuzzers $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The CI step: each target for 10 s (make fuzz runs them longer).
fuzz-ci:
	$(MAKE) fuzz FUZZ_SECONDS=10

clean:
	rm -rf $(BUILD_DIR)
