# Ansvarskollen. The two commands of README.md:
#   make serve   builds the widget and serves the demo on http://127.0.0.1:8080
#   make test    runs every test: native (cargo test, rules check, scenarios) and browser (Chromium)
# `make dist` only builds. Every target installs what it needs on a fresh machine: the rustup
# wasm target, the wasm-bindgen CLI pinned to Cargo.lock's version (from crates.io), binaryen's
# wasm-opt and the test tools (from the npm registry). Nothing is downloaded from elsewhere.

SHELL := /bin/bash
CARGO ?= cargo
NPM ?= npm
PORT ?= 8080
TOOLS := $(CURDIR)/.tools
DIST := dist
WASM_TARGET := wasm32-unknown-unknown
# The browser bundle is built with nightly's -Zbuild-std: the standard library rebuilt for size,
# panics as immediate aborts (no panic formatting, no source locations). Measured: 101.5 KB brotli
# instead of 112.2 KB on stable (docs/performance.md). This machine kind ships a nightly toolchain;
# without one, or with WASM_TOOLCHAIN=stable, the same code builds on stable, ~11 KB bigger.
WASM_TOOLCHAIN ?= $(shell rustup run nightly rustc --version >/dev/null 2>&1 && echo nightly || echo stable)
ifeq ($(WASM_TOOLCHAIN),nightly)
WASM_TARGET_DIR := target/nightly
WASM_BUILD := RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" $(CARGO) +nightly build --locked \
	-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
else
WASM_TARGET_DIR := target
WASM_BUILD := $(CARGO) build --locked
endif
WASM_OUT := $(WASM_TARGET_DIR)/$(WASM_TARGET)/wasm/ansvarskollen.wasm
# The wasm-bindgen CLI must be exactly the library's version.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
BINARYEN_VERSION := 132.0.0
ESBUILD_VERSION := 0.25.12
ESBUILD := $(TOOLS)/node_modules/.bin/esbuild
SCENARIOS := $(wildcard tests/scenarios/*.toml)
export PATH := $(TOOLS)/bin:$(PATH)

.PHONY: test test-native test-browser test-size dist serve tools check scenarios coverage perf clean

## Run every test.
test: test-native test-size test-browser

## Unit, integration, property and snapshot tests; then the CLI's own check and scenario run.
test-native:
	$(CARGO) test --locked
	$(CARGO) run --locked --quiet -- check rules
	$(CARGO) run --locked --quiet -- test $(SCENARIOS)

## The size budget: the brotli transfer size of the first answer (deterministic; fails if over).
test-size: dist
	node tests/browser/size.mjs --check

## Browser tests: drive the built dist/ in Debian's Chromium.
test-browser: dist tests/browser/node_modules
	@test -x /usr/bin/chromium || { echo "error: /usr/bin/chromium is missing: install Debian's chromium (apt-get install chromium), as .ci/run does"; exit 2; }
	node tests/browser/run.mjs

tests/browser/node_modules: tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && $(NPM) ci --no-audit --no-fund
	@touch $@

## Build the optimised widget into dist/.
dist: tools
	$(CARGO) build --locked --release --bin ansvarskollen
	rm -rf $(DIST)
	mkdir -p $(DIST)/wasm
	target/release/ansvarskollen compile rules --out $(DIST)/rules
	@echo "building the wasm with the $(WASM_TOOLCHAIN) toolchain"
	$(WASM_BUILD) --target-dir $(WASM_TARGET_DIR) --profile wasm --target $(WASM_TARGET) --lib --no-default-features --features ui
	wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
		--out-dir $(DIST)/wasm $(WASM_OUT)
	node $(TOOLS)/node_modules/binaryen/bin/wasm-opt -Oz --converge $(DIST)/wasm/ansvarskollen_bg.wasm -o $(DIST)/wasm/ansvarskollen_bg.wasm
	$(ESBUILD) --minify --format=esm --log-level=warning $(DIST)/wasm/ansvarskollen.js --outfile=$(DIST)/wasm/ansvarskollen.js --allow-overwrite
	cp www/*.html www/*.svg $(DIST)/
	for f in $(filter-out www/sw.js,$(wildcard www/*.js)); do $(ESBUILD) --minify --log-level=warning $$f --outfile=$(DIST)/$$(basename $$f); done
	for f in www/*.css; do $(ESBUILD) --minify --log-level=warning $$f --outfile=$(DIST)/$$(basename $$f); done
	target/release/ansvarskollen coverage --html --lang sv > $(DIST)/om-uppgifterna.html
	target/release/ansvarskollen coverage --html --lang en > $(DIST)/about-the-information.html
	node www/build-sw.mjs $(DIST)
	$(ESBUILD) --minify --log-level=warning $(DIST)/sw.js --outfile=$(DIST)/sw.js --allow-overwrite
	@ls -l $(DIST)/wasm/ansvarskollen_bg.wasm $(DIST)/wasm/ansvarskollen.js | awk '{ print $$5, $$9 }'

## Build, then serve dist/ on http://127.0.0.1:$(PORT) (Ctrl-C stops it).
serve: dist
	@echo "Serving http://127.0.0.1:$(PORT)/  (demo for web editors: http://127.0.0.1:$(PORT)/demo.html)"
	cd $(DIST) && $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3) -m http.server $(PORT) --bind 127.0.0.1

## The build tools, installed once into .tools/ (or taken from PATH when the version matches).
tools: $(TOOLS)/.wasm-target-$(WASM_TOOLCHAIN) $(TOOLS)/.wasm-bindgen-$(WASM_BINDGEN_VERSION) $(TOOLS)/node_modules/binaryen/package.json $(ESBUILD)

$(TOOLS)/.wasm-target-stable:
	@mkdir -p $(TOOLS)
	rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@touch $@

$(TOOLS)/.wasm-target-nightly:
	@mkdir -p $(TOOLS)
	rustup target list --toolchain nightly --installed | grep -qx $(WASM_TARGET) || rustup target add --toolchain nightly $(WASM_TARGET)
	rustup component list --toolchain nightly --installed | grep -q '^rust-src' || rustup component add --toolchain nightly rust-src
	@touch $@

$(TOOLS)/.wasm-bindgen-$(WASM_BINDGEN_VERSION):
	@mkdir -p $(TOOLS)/bin
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "using $$(command -v wasm-bindgen) ($(WASM_BINDGEN_VERSION))"; \
	else \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) from crates.io (a few minutes, once)"; \
		$(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --root $(TOOLS); \
	fi
	@touch $@

$(TOOLS)/node_modules/binaryen/package.json:
	@mkdir -p $(TOOLS)
	$(NPM) install --prefix $(TOOLS) --no-save --no-audit --no-fund binaryen@$(BINARYEN_VERSION)

$(ESBUILD): $(TOOLS)/node_modules/binaryen/package.json
	$(NPM) install --prefix $(TOOLS) --no-save --no-audit --no-fund binaryen@$(BINARYEN_VERSION) esbuild@$(ESBUILD_VERSION)

## The performance report: target/perf-report.md and .json (sizes, timings, engine speed).
perf: dist tests/browser/node_modules
	$(WASM_BUILD) --profile wasm --target $(WASM_TARGET) --lib --no-default-features --features perf --target-dir target/perf/build
	rm -rf target/perf/dist && cp -r $(DIST) target/perf/dist
	wasm-bindgen --target web --no-typescript --out-dir target/perf/dist/wasm target/perf/build/$(WASM_TARGET)/wasm/ansvarskollen.wasm
	$(CARGO) bench --locked --bench engine -- --warm-up-time 1 --measurement-time 3
	node tests/browser/perf.mjs

check:
	$(CARGO) run --locked --quiet -- check rules

scenarios:
	$(CARGO) run --locked --quiet -- test $(SCENARIOS)

coverage:
	$(CARGO) run --locked --quiet -- coverage

clean:
	rm -rf $(DIST) $(TOOLS) test-artifacts tests/browser/node_modules
