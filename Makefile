# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Every install step is skipped when the right version is already there.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := serve

CARGO_BIN := $(HOME)/.cargo/bin
# npm's binaryen (wasm-opt) must win over any system one: Debian's breaks the output.
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

TRUNK_VERSION := 0.22.1
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# gzip budget for our wasm + JS glue (Leaflet excluded): 250 KB.
SIZE_BUDGET_BYTES := 250000
# Release wasm leaves out where each possible panic lies in the source (every crate's file paths,
# which nobody reading the map sees): 5.4 KB gzip of the visitors' bundle, measured.
# -Zlocation-detail is not stable yet; RUSTC_BOOTSTRAP lets the stable toolchain take it, as for
# `make fuzz`. The rest of the flags are .cargo/config.toml's for wasm32, which this replaces.
WASM_RELEASE_ENV := RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zlocation-detail=none"
# trunk is the longest install: built without its update check, with the system's OpenSSL
# (libssl-dev) instead of compiling rustls and ring (it needs one TLS backend, and never uses
# it offline), and without its fat single-unit LTO, which spends minutes linking on one core of
# a two-core machine for a tool whose speed we never notice. wasm-bindgen's test runner talks to
# chromedriver on 127.0.0.1 only, so it is built without TLS too.

.PHONY: serve dist test check-data data-report lint unit e2e wasm-test size-check bench fuzz \
        tools tools-build tools-browser clean

## serve: install what is missing, build, serve on http://127.0.0.1:8080 (rebuilds on change;
## the editors' workbench, edit.html, is built once at the start)
serve: tools-build
	trunk --config Trunk.editor.toml build
	trunk serve --public-url / --address 127.0.0.1 --port 8080

## dist: the release bundle in dist/, with relative URLs (copy it under any path): the map and
## the editors' workbench (edit.html, its own wasm, built first and copied in by Trunk.toml's hook)
dist: tools-build
	$(WASM_RELEASE_ENV) trunk --config Trunk.editor.toml build --release
	$(WASM_RELEASE_ENV) trunk build --release

## test: install what is missing, then run every test
test: tools lint unit check-data dist size-check e2e wasm-test

## bench: native criterion benches, browser benches against a plain Leaflet page, the workbench, vector against raster tiles; writes BENCHMARKS.md
bench: tools dist tests/bench/tools/node_modules/.installed
	cargo build --quiet --release --bin gen-dataset
	cargo bench --bench core 2>&1 | tee target/criterion-core.txt
	node tests/bench/run.mjs 5
	node tests/bench/editor.mjs 3
	node tests/bench/tiles.mjs 5
	node tests/bench/native-table.mjs target/criterion-core.txt

## fuzz: libFuzzer on the dataset validator, the URL-state decoder and the opening-hours parser
## (FUZZ_SECONDS each, default 60; not part of `make test`). cargo-fuzz needs nightly flags:
## RUSTC_BOOTSTRAP lets the stable toolchain accept them.
FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for pair in dataset:../tests/fixtures/bad+../tests/fixtures/fuzz/dataset \
	    url_state:../tests/fixtures/fuzz/url_state \
	    opening_hours:../tests/fixtures/fuzz/opening_hours; do \
	  target=$${pair%%:*}; seeds=$${pair#*:}; seeds=$${seeds//+/ }; mkdir -p corpus/$$target; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run $$target corpus/$$target $$seeds -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

## check-data: validate the bundled dataset, its walks and its background; warnings fail too
check-data:
	cargo run --quiet --bin check-data -- --strict data/spaces.geojson

## data-report: rewrite the data report in data/README.md from data/spaces.geojson
data-report:
	cargo run --quiet --bin check-data -- --report data/spaces.geojson > target/data-report.md
	awk -v report=target/data-report.md ' \
	  /<!-- data-report:end -->/ { while ((getline line < report) > 0) print line; skip = 0 } \
	  !skip { print } \
	  /<!-- data-report:start -->/ { skip = 1 }' data/README.md > target/data-README.md
	mv target/data-README.md data/README.md

lint:
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --lib --bin hanoi-creative-map -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --features editor --lib --bin hanoi-editor -- -D warnings

unit:
	cargo test --quiet

e2e: tools-browser
	node --test --test-concurrency=1 tests/e2e/

wasm-test: tools-browser
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --lib

size-check:
	@size=$$(( $$(gzip -9c dist/hanoi-creative-map_bg.wasm | wc -c) + $$(gzip -9c dist/hanoi-creative-map.js | wc -c) )); \
	echo "wasm + JS glue: $$size bytes gzip (budget $(SIZE_BUDGET_BYTES))"; \
	[ "$$size" -le $(SIZE_BUDGET_BYTES) ] || { echo "over the size budget"; exit 1; }

tools: tools-build tools-browser

tools-build: node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" || \
	  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
	  cargo install --locked trunk --version $(TRUNK_VERSION) --ignore-rust-version \
	    --no-default-features --features native-tls
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --no-default-features

tools-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver; }

# Lighthouse, for `make bench` only: its own folder, so that `make test` does not install it.
tests/bench/tools/node_modules/.installed: tests/bench/tools/package.json tests/bench/tools/package-lock.json
	npm ci --prefix tests/bench/tools --no-audit --no-fund
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf dist target node_modules
