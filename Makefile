# plaquette — the two commands of the README:
#   make        installs missing Debian packages, builds, renders the brochure into output/
#   make test   builds and runs every test through ctest
#   make bench  map engine benchmark (tools/bench/README.md); data in $(BENCH_DIR), not in the repo
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PLAQUETTE := $(BUILD_DIR)/plaquette
BENCH_DIR ?= $(BUILD_DIR)/bench
BENCH_ARGS ?=

.PHONY: all deps configure build brochure preview test clean bench

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
	$(PLAQUETTE) preview content/plaquette.yaml -o output/preview --dpi 96

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_make_big_layer bench_map
	@test -f $(BENCH_DIR)/big-layer.gpkg || $(BUILD_DIR)/bench_make_big_layer $(BENCH_DIR)/big-layer.gpkg
	$(BUILD_DIR)/bench_map $(BENCH_DIR)/big-layer.gpkg $(BENCH_DIR)/map-bench.pdf $(BENCH_ARGS)

clean:
	rm -rf $(BUILD_DIR)
