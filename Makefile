# typhon — the two commands: `make run` and `make test` (both install what is missing, then build).
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD_TYPE ?= Release
PREFIX ?= /usr/local
CMAKE_FLAGS ?=
ifneq ($(CI),)
CMAKE_FLAGS += -DTYPHON_WERROR=ON
endif

.PHONY: all deps build run test install docs clean bench

all: build

deps:
	@bash scripts/setup.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@./$(BUILD)/typhon check examples/ ; rc=$$?; [ $$rc -le 1 ] || exit $$rc

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

docs: build
	@./$(BUILD)/typhon rules docs --output docs

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

bench: build
	@bash bench/parse_vs_check.sh

clean:
	@rm -rf $(BUILD)
