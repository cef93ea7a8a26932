# plaquette — the two commands of the README:
#   make        installs missing Debian packages, builds, renders the brochure and the leaflet into output/
#   make test   builds and runs every test through ctest
#   make bench  map engine benchmark (tools/bench/README.md); data in $(BENCH_DIR), not in the repo
#   make test-asan  the whole suite built with AddressSanitizer and UBSan (in build-asan/)
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PLAQUETTE := $(BUILD_DIR)/plaquette
BENCH_DIR ?= $(BUILD_DIR)/bench
BENCH_ARGS ?=

ASAN_DIR ?= build-asan

.PHONY: all deps configure build brochure preview test test-asan clean bench

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
	$(PLAQUETTE) build content/depliant.yaml -o output/depliant.pdf
	$(PLAQUETTE) preview content/plaquette.yaml -o output/preview --dpi 96

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Debug-level optimisation keeps sanitizer reports readable; leaks in GDAL/fontconfig/libhyphen
# globals are not ours and are suppressed (tests/asan/lsan.supp).
test-asan: deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLAQUETTE_SANITIZE=ON
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/asan/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_make_big_layer bench_map
	@test -f $(BENCH_DIR)/big-layer.gpkg || $(BUILD_DIR)/bench_make_big_layer $(BENCH_DIR)/big-layer.gpkg
	$(BUILD_DIR)/bench_map $(BENCH_DIR)/big-layer.gpkg $(BENCH_DIR)/map-bench.pdf $(BENCH_ARGS)

clean:
	rm -rf $(BUILD_DIR)
