# plaquette — the two commands of the README:
#   make        installs missing Debian packages, builds, renders the brochure into output/
#   make test   builds and runs every test through ctest
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PLAQUETTE := $(BUILD_DIR)/plaquette

.PHONY: all deps configure build brochure preview test clean

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

clean:
	rm -rf $(BUILD_DIR)
