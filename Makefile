# Ansvarskollen. The two commands of README.md:
#   make serve   builds the widget and serves the demo on http://127.0.0.1:8080
#   make test    runs every test: native (cargo test, rules check, scenarios) and browser (Chromium;
#                the core flows also in Firefox and WebKit)
# `make dist` only builds. Every target installs what it needs on a fresh machine, each download
# pinned by a committed lockfile: the rustup wasm target; the wasm-bindgen CLI at Cargo.lock's
# version, from crates.io with tools/wasm-bindgen/Cargo.lock (`cargo install --locked`, into
# .tools/); binaryen's wasm-opt and esbuild from tools/package-lock.json and the browser-test tools
# from tests/browser/package-lock.json (`npm ci`, from the npm registry). Nothing is downloaded
# from elsewhere.

SHELL := /bin/bash
CARGO ?= cargo
NPM ?= npm
PORT ?= 8080
TOOLS := $(CURDIR)/.tools
DIST := dist
# Where `make dist` builds before it swaps the result in (same file system as dist/: see dist).
DIST_TMP := target/dist.tmp
# The rules folder the bundle is compiled from (tests point it at a broken copy).
RULES ?= rules
WASM_TARGET := wasm32-unknown-unknown
# The browser bundle is built with nightly's -Zbuild-std: the standard library rebuilt for size,
# panics as immediate aborts (no panic formatting, no source locations). Measured: 101.5 KB brotli
# instead of 112.2 KB on stable (docs/performance.md). This machine kind ships a nightly toolchain;
# without one, or with WASM_TOOLCHAIN=stable, the same code builds on stable, ~11 KB bigger.
WASM_TOOLCHAIN ?= $(shell rustup run nightly rustc --version >/dev/null 2>&1 && echo nightly || echo stable)
# sha2's compact (not unrolled) SHA-256 in the bundle: the rules' integrity check costs 1.1 KB brotli
# instead of 2.5 KB (docs/performance.md); hashing a region part still takes well under 1 ms.
WASM_CFG := --cfg sha2_backend_soft="compact"
ifeq ($(WASM_TOOLCHAIN),nightly)
WASM_TARGET_DIR := target/nightly
# -Zlocation-detail=none and -Zfmt-debug=none: no file names and line numbers, no Debug formatting
# in the bundle (nothing the widget shows uses either; panics abort without a message anyway):
# together 1.0 KB brotli less (docs/performance.md).
WASM_BUILD := RUSTFLAGS='-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none $(WASM_CFG)' $(CARGO) +nightly build --locked \
	-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
else
WASM_TARGET_DIR := target
WASM_BUILD := RUSTFLAGS='$(WASM_CFG)' $(CARGO) build --locked
endif
WASM_OUT := $(WASM_TARGET_DIR)/$(WASM_TARGET)/wasm/ansvarskollen.wasm
# The staff views' bundle (issue 13): the same crate with the `staff` feature, into
# wasm/ansvarskollen-staff*; built in a target folder of its own (with other features in the same
# folder, each bundle would rebuild the crate in turn).
WASM_STAFF_DIR := $(WASM_TARGET_DIR)/staff
WASM_STAFF_OUT := $(WASM_STAFF_DIR)/$(WASM_TARGET)/wasm/ansvarskollen.wasm
# The wasm-bindgen CLI must be exactly the library's version.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
# binaryen (wasm-opt) and esbuild: versions in tools/package.json, pinned by its lockfile.
NODE_TOOLS := tools/node_modules
WASM_OPT := node $(NODE_TOOLS)/binaryen/bin/wasm-opt
ESBUILD := $(NODE_TOOLS)/.bin/esbuild
SCENARIOS := $(wildcard tests/scenarios/*.toml)
# The release's version: in dist/assets.json and demo.html's snippet; `make release VERSION=x.y.z`.
VERSION ?= $(shell awk -F'"' '/^version = / { print $$2; exit }' Cargo.toml)
export PATH := $(TOOLS)/bin:$(PATH)

.PHONY: test test-native test-scripts test-browser test-size test-dist dist serve release tools check scenarios coverage perf clean

## Run every test.
test: test-native test-scripts test-size test-dist test-browser

## Unit, integration, property and snapshot tests; then the CLI's own check and scenario run.
test-native:
	$(CARGO) test --locked
	$(CARGO) run --locked --quiet -- check rules
	$(CARGO) run --locked --quiet -- test $(SCENARIOS)

## The size budget: the brotli transfer size of the first answer (deterministic; fails if over).
test-size: dist
	node tests/browser/size.mjs --check

## Browser tests: drive the built dist/ in Debian's Chromium; the core flows also in Firefox and WebKit.
test-browser: dist tests/browser/node_modules
	@for tool in /usr/bin/chromium:chromium /usr/bin/firefox-esr:firefox-esr /usr/bin/WebKitWebDriver:webkit2gtk-driver /usr/bin/Xvfb:xvfb; do \
		test -x $${tool%%:*} || { echo "error: $${tool%%:*} is missing: install Debian's $${tool##*:} (apt-get install $${tool##*:}), as .ci/run does"; exit 2; }; \
	done
	node tests/browser/run.mjs

## The measuring scripts parse (they run only in `make perf`, so nothing else would notice).
test-scripts:
	node --check tests/browser/perf.mjs
	node --check tests/browser/size.mjs
	node --check tools/serve.mjs
	node --check tools/release.mjs
	node --check www/short-imports.mjs
	for f in tests/browser/perf-*.mjs bench/counter/www/*.mjs; do node --check $$f || exit 1; done

tests/browser/node_modules: tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && $(NPM) ci --no-audit --no-fund
	@touch $@

## Build the optimised widget into dist/. It is built in $(DIST_TMP) and swapped in only when every
## step has succeeded: a broken rules folder (or any failed step) leaves the last good dist/ as it
## was. The swap is two renames on one file system (dist/ is missing for an instant between them;
## coreutils here has no `mv --exchange`). After the minifiers, www/build-assets.mjs gives every
## file the loader fetches a content-hashed name and writes the map into the loader (and
## dist/assets.json); the service worker's list is written after it, with those names.
dist: tools
	$(CARGO) build --locked --release --bin ansvarskollen
	rm -rf $(DIST_TMP)
	mkdir -p $(DIST_TMP)/wasm
	target/release/ansvarskollen compile $(RULES) --out $(DIST_TMP)/rules
	@echo "building the wasm with the $(WASM_TOOLCHAIN) toolchain"
	$(WASM_BUILD) --target-dir $(WASM_TARGET_DIR) --profile wasm --target $(WASM_TARGET) --lib --no-default-features --features ui
	wasm-bindgen $(WASM_BINDGEN_FLAGS) --out-dir $(DIST_TMP)/wasm $(WASM_OUT)
	$(call WASM_FINISH,$(DIST_TMP)/wasm,ansvarskollen)
	@# The staff views (issue 13): their own wasm and glue, fetched by the loader only for view=matrix|compare|timeline.
	$(WASM_BUILD) --target-dir $(WASM_STAFF_DIR) --profile wasm --target $(WASM_TARGET) --lib --no-default-features --features staff
	wasm-bindgen $(WASM_BINDGEN_FLAGS) --out-name ansvarskollen-staff --out-dir $(DIST_TMP)/wasm $(WASM_STAFF_OUT)
	$(call WASM_FINISH,$(DIST_TMP)/wasm,ansvarskollen-staff)
	cp www/*.html www/*.svg www/*.png www/manifest.webmanifest $(DIST_TMP)/
	for f in $(filter-out www/sw.js,$(wildcard www/*.js)); do $(ESBUILD) --minify --log-level=warning $$f --outfile=$(DIST_TMP)/$$(basename $$f); done
	for f in www/*.css; do $(ESBUILD) --minify --log-level=warning $$f --outfile=$(DIST_TMP)/$$(basename $$f); done
	target/release/ansvarskollen coverage --rules $(RULES) --html --lang sv > $(DIST_TMP)/om-uppgifterna.html
	target/release/ansvarskollen coverage --rules $(RULES) --html --lang en > $(DIST_TMP)/about-the-information.html
# Issue 13: the pages without JavaScript, one per kommun and an index (kommun/, English in kommun/en/).
	target/release/ansvarskollen site --rules $(RULES) $(DIST_TMP)/kommun
	node www/build-register.mjs $(RULES) $(DIST_TMP)
	node www/build-assets.mjs $(DIST_TMP) --version $(VERSION)
	node www/build-sw.mjs $(DIST_TMP) $(RULES)
	$(ESBUILD) --minify --log-level=warning $(DIST_TMP)/sw.js --outfile=$(DIST_TMP)/sw.js --allow-overwrite
	rm -rf $(DIST_TMP).old
	if [ -e $(DIST) ]; then mv $(DIST) $(DIST_TMP).old; fi
	mv $(DIST_TMP) $(DIST)
	rm -rf $(DIST_TMP).old
	@ls -l $(DIST)/wasm/ | awk 'NR > 1 { print $$5, "$(DIST)/wasm/" $$9 }'

## A failed `make dist` keeps the last good dist/ (tests/dist-keeps-last-good.sh, on a broken
## copy of the rules); `make release`'s archive and changelog entry (tests/release-archive.sh).
test-dist: dist
	MAKE="$(MAKE)" tests/dist-keeps-last-good.sh
	tests/release-archive.sh

## Build, then serve dist/ on http://127.0.0.1:$(PORT) with the headers docs/embedding.md asks of a
## host (CORS, the types, immutable caching of hashed names: tools/serve.mjs). Ctrl-C stops it.
serve: dist
	@echo "Demo for web editors: http://127.0.0.1:$(PORT)/demo.html  · configurator: http://127.0.0.1:$(PORT)/configurator.html"
	node tools/serve.mjs $(DIST) --port $(PORT)

## A release: `make release VERSION=x.y.z` builds dist/ with that version, writes
## target/release/ansvarskollen-x.y.z.tar.gz (the folder ansvarskollen-x.y.z/ with dist/'s files
## and a SHA256SUMS of them) and its SHA256SUMS next to it, and adds the version's entry (date,
## rules version) to CHANGELOG.md (tools/release.mjs).
release:
	@[ -n "$(filter command line environment,$(origin VERSION))" ] || { echo "error: say which version: make release VERSION=x.y.z" >&2; exit 2; }
	@echo "$(VERSION)" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$$' || { echo "error: VERSION=$(VERSION) is not x.y.z" >&2; exit 2; }
	$(MAKE) --no-print-directory dist VERSION=$(VERSION)
	node tools/release.mjs $(DIST) $(VERSION) target/release

## The build tools: the wasm target, wasm-bindgen (into .tools/, or taken from PATH when the
## version matches), wasm-opt and esbuild (into tools/node_modules/).
tools: $(TOOLS)/.wasm-target-$(WASM_TOOLCHAIN) $(TOOLS)/.wasm-bindgen-$(WASM_BINDGEN_VERSION) $(NODE_TOOLS)

$(TOOLS)/.wasm-target-stable:
	@mkdir -p $(TOOLS)
	rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@touch $@

$(TOOLS)/.wasm-target-nightly:
	@mkdir -p $(TOOLS)
	rustup target list --toolchain nightly --installed | grep -qx $(WASM_TARGET) || rustup target add --toolchain nightly $(WASM_TARGET)
	rustup component list --toolchain nightly --installed | grep -q '^rust-src' || rustup component add --toolchain nightly rust-src
	@touch $@

# tools/wasm-bindgen builds the CLI from crates.io with a committed Cargo.lock (why not
# `cargo install wasm-bindgen-cli --locked`: see its Cargo.toml).
$(TOOLS)/.wasm-bindgen-$(WASM_BINDGEN_VERSION):
	@mkdir -p $(TOOLS)/bin
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "using $$(command -v wasm-bindgen) ($(WASM_BINDGEN_VERSION))"; \
	else \
		grep -qx 'wasm-bindgen-cli = { version = "=$(WASM_BINDGEN_VERSION)", default-features = false }' tools/wasm-bindgen/Cargo.toml || { \
			echo "error: Cargo.lock has wasm-bindgen $(WASM_BINDGEN_VERSION) but tools/wasm-bindgen/Cargo.toml pins another wasm-bindgen-cli:" \
				"set that version there and in its [package], then run 'cargo update --manifest-path tools/wasm-bindgen/Cargo.toml -p wasm-bindgen-cli'" >&2; exit 2; }; \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) from crates.io, locked by tools/wasm-bindgen/Cargo.lock (a few minutes, once)"; \
		$(CARGO) install --locked --path tools/wasm-bindgen --root $(TOOLS) --target-dir $(TOOLS)/build && rm -rf $(TOOLS)/build; \
	fi
	@touch $@

$(NODE_TOOLS): tools/package.json tools/package-lock.json
	cd tools && $(NPM) ci --no-audit --no-fund
	@touch $@

## The performance report (docs/performance.md): target/perf-report.md and .json. Sizes, timings,
## engine speed, the widget against a Yew counter and a static form, Lighthouse. Each build step
## below runs on its own: one that fails is marked in $(PERF)/steps/ and reported as failed by
## perf.mjs, which still measures the rest and then exits non-zero. When every step succeeded,
## perf.mjs also copies the report into docs/performance.md (between its `make perf` markers).
perf: tests/browser/node_modules
	@rm -rf $(PERF)/steps && mkdir -p $(PERF)/steps && date +%s > $(PERF)/steps/started
	$(MAKE) --no-print-directory dist
	@for step in perf-engine-wasm perf-counter perf-bench; do \
		started=$$(date +%s); \
		$(MAKE) --no-print-directory $$step || { echo "make perf: step $$step failed (the report says so)"; touch $(PERF)/steps/$$step.failed; }; \
		echo $$(( $$(date +%s) - started )) > $(PERF)/steps/$$step.seconds; \
	done
	node tests/browser/perf.mjs

# The wasm pipeline's flags: `make dist` and the counter anchor share them, so they cannot drift.
WASM_BINDGEN_FLAGS := --target web --no-typescript --remove-name-section --remove-producers-section
# -O1, not -Oz: a slightly larger wasm that brotli compresses better — 2.8 KB brotli less for the
# widget (docs/performance.md; -Os, -O2 and -O3 were measured too and are all larger).
WASM_OPT_FLAGS := -O1 --converge
ESBUILD_GLUE_FLAGS := --minify --format=esm --log-level=warning
# wasm-bindgen's output DIR/NAME_bg.wasm + DIR/NAME.js finished for shipping: short import and
# export names in both (www/short-imports.mjs, 3.2 KB brotli less), then wasm-opt, then esbuild.
WASM_FINISH = node www/short-imports.mjs $(1)/$(2)_bg.wasm $(1)/$(2).js \
	&& $(WASM_OPT) $(WASM_OPT_FLAGS) $(1)/$(2)_bg.wasm -o $(1)/$(2)_bg.wasm \
	&& $(ESBUILD) $(ESBUILD_GLUE_FLAGS) $(1)/$(2).js --outfile=$(1)/$(2).js --allow-overwrite
PERF := target/perf
# The Yew counter anchor (issue 15): its own crate and lockfile, built as the widget is.
COUNTER := bench/counter
COUNTER_OUT := $(PERF)/counter
COUNTER_BUILD := $(PERF)/counter-build
# The [profile.release] and [profile.wasm] lines of a Cargo.toml, without comments and blank lines.
PROFILES = awk '/^\[/ { keep = ($$0 == "[profile.release]" || $$0 == "[profile.wasm]") } keep && NF && !/^\#/' $(1)

.PHONY: perf-engine-wasm perf-counter perf-bench

## make perf: the widget with an export that times decisions inside wasm (not shipped), in a copy of dist/.
perf-engine-wasm: tools
	rm -rf $(PERF)/dist
	$(WASM_BUILD) --profile wasm --target $(WASM_TARGET) --lib --no-default-features --features perf --target-dir $(PERF)/build
	cp -r $(DIST) $(PERF)/dist
	node www/build-assets.mjs --unhash $(PERF)/dist
	wasm-bindgen --target web --no-typescript --out-dir $(PERF)/dist/wasm $(PERF)/build/$(WASM_TARGET)/wasm/ansvarskollen.wasm
	node www/build-assets.mjs $(PERF)/dist --version $(VERSION)-perf

## make perf: the Yew counter anchor into $(COUNTER_OUT)/ (with the widget's toolchain, profile,
## wasm-bindgen, wasm-opt and esbuild), and the static-form floor into $(PERF)/static-form/.
perf-counter: tools
	rm -rf $(COUNTER_OUT) $(PERF)/static-form
	@v=$$(awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' $(COUNTER)/Cargo.lock); \
	[ "$$v" = "$(WASM_BINDGEN_VERSION)" ] || { echo "error: $(COUNTER)/Cargo.lock has wasm-bindgen $$v, the widget $(WASM_BINDGEN_VERSION): pin the same in $(COUNTER)/Cargo.toml" >&2; exit 1; }
	@diff <($(call PROFILES,Cargo.toml)) <($(call PROFILES,$(COUNTER)/Cargo.toml)) >/dev/null || { \
		echo "error: $(COUNTER)/Cargo.toml's [profile.release] and [profile.wasm] differ from Cargo.toml's: copy them" >&2; exit 1; }
	@echo "building the counter anchor with the $(WASM_TOOLCHAIN) toolchain"
	$(WASM_BUILD) --manifest-path $(COUNTER)/Cargo.toml --target-dir $(COUNTER_BUILD) --profile wasm --target $(WASM_TARGET) --lib
	mkdir -p $(COUNTER_OUT)/wasm
	wasm-bindgen $(WASM_BINDGEN_FLAGS) --out-dir $(COUNTER_OUT)/wasm $(COUNTER_BUILD)/$(WASM_TARGET)/wasm/yew_counter.wasm
	$(call WASM_FINISH,$(COUNTER_OUT)/wasm,yew_counter)
	$(ESBUILD) --minify --log-level=warning $(COUNTER)/www/counter.mjs --outfile=$(COUNTER_OUT)/counter.mjs
	cp $(COUNTER)/www/index.html $(COUNTER_OUT)/
	cp -r bench/static-form $(PERF)/static-form
	@ls -l $(COUNTER_OUT)/wasm/yew_counter_bg.wasm $(COUNTER_OUT)/wasm/yew_counter.js | awk '{ print $$5, $$9 }'

## make perf: native engine speed (criterion; perf.mjs reads target/criterion/).
perf-bench:
	$(CARGO) bench --locked --bench engine -- --warm-up-time 1 --measurement-time 3

check:
	$(CARGO) run --locked --quiet -- check rules

scenarios:
	$(CARGO) run --locked --quiet -- test $(SCENARIOS)

coverage:
	$(CARGO) run --locked --quiet -- coverage

clean:
	rm -rf $(DIST) $(TOOLS) $(NODE_TOOLS) test-artifacts tests/browser/node_modules

# ---------------------------------------------------------------------------------------------
# Fuzzing and the supply chain (issue 10). cargo-fuzz runs libFuzzer on nightly (installed above for
# the wasm build); each target in turn for FUZZ_SECONDS (default 300). The growing corpus is
# fuzz/corpus/<target> (not committed), started from the committed seeds in fuzz/seeds/<target>;
# a crash is written to fuzz/artifacts/<target>/ and fails the run.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := link compiled loader engine
CARGO_FUZZ_VERSION := 0.13.2
CARGO_DENY_VERSION := 0.20.2

.PHONY: fuzz fuzz-smoke fuzz-tools deny

## Fuzz each target for FUZZ_SECONDS seconds (default 300: `make fuzz FUZZ_SECONDS=60`).
fuzz: fuzz-tools
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/corpus/$$t; \
		dict=""; [ $$t = loader ] && dict="-dict=$(CURDIR)/fuzz/dict/toml.dict"; \
		[ $$t = link ] && dict="-dict=$(CURDIR)/fuzz/dict/link.dict"; \
		echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
		$(CARGO) +nightly fuzz run --fuzz-dir fuzz $$t fuzz/corpus/$$t fuzz/seeds/$$t -- \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $$dict || exit 1; \
	done

## CI: a short run of every fuzz target (20 s each).
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=20

fuzz-tools: $(TOOLS)/.wasm-target-nightly
	@command -v cargo-fuzz >/dev/null || $(CARGO) install --locked cargo-fuzz --version $(CARGO_FUZZ_VERSION) --root $(TOOLS)

## Licenses, banned and duplicate crates, and where crates come from (deny.toml); offline: the
## advisory database cannot be fetched here, so `advisories` is not checked.
deny:
	@command -v cargo-deny >/dev/null || $(CARGO) install --locked cargo-deny --version $(CARGO_DENY_VERSION) --root $(TOOLS)
	$(CARGO) deny --all-features check licenses bans sources
