# PolicyLens — two commands: `make serve` and `make test`.
#
# Every target first installs what is missing, from package registries only
# (crates.io, Debian, npm): the wasm32 target, trunk 0.21.x, wasm-bindgen-cli of
# exactly the version in Cargo.lock, wasm-opt (npm `binaryen`), playwright-core,
# and for `make test` Debian's chromium + chromium-driver. A second run installs
# nothing. trunk always runs with --offline, so it never downloads a tool itself.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)

# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
TRUNK_SERIES := 0.21
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Installing trunk and wasm-bindgen-cli from source is the slow part of a first
# run; a light release profile (no LTO, many codegen units) keeps it short.
# These tools only run at build time, so their speed barely matters.
LIGHT_PROFILE := CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
	CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_INCREMENTAL=false

.PHONY: help serve test dist bench tools tools-build tools-browser check-versions \
	rust-target trunk wasm-bindgen node-deps chromium fmt clippy native-test e2e report

help:
	@echo "make serve   install what is missing, serve the app on http://127.0.0.1:8080"
	@echo "make test    install what is missing, then fmt, clippy, native tests, release bundle, browser tests"
	@echo "make dist    build the release bundle into dist/ (works from any static host and sub-path)"
	@echo "make bench   bundle size, time to first render, and the native benchmarks"

## ---------------------------------------------------------------- installs

rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown

trunk:
	@if trunk --version 2>/dev/null | grep -q '^trunk $(subst .,\.,$(TRUNK_SERIES))\.'; then :; else \
		echo "installing trunk $(TRUNK_SERIES).x from crates.io (a few minutes)"; \
		env -u CARGO_TARGET_DIR $(LIGHT_PROFILE) CARGO_PROFILE_RELEASE_OPT_LEVEL=0 \
			cargo install trunk --version '~$(TRUNK_SERIES)' --locked; fi

wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
	@grep -q '^wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml \
		|| { echo "Trunk.toml [tools] wasm_bindgen must be $(WASM_BINDGEN_VERSION) (Cargo.lock)" >&2; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then :; else \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) from crates.io (a few minutes)"; \
		env -u CARGO_TARGET_DIR $(LIGHT_PROFILE) CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
			cargo install wasm-bindgen-cli --version '$(WASM_BINDGEN_VERSION)' --force; fi

# node + npm (Debian's packages when missing), then wasm-opt and playwright-core from npm.
node-deps:
	@command -v node >/dev/null && command -v npm >/dev/null \
		|| { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; }
	@if [ node_modules/.package-lock.json -nt package-lock.json ] \
		&& [ -x node_modules/.bin/wasm-opt ]; then :; else npm ci --no-audit --no-fund; fi
	@grep -q "^wasm_opt = \"version_$$(wasm-opt --version | sed -n 's/.*(version_\([0-9]*\)).*/\1/p')\"" Trunk.toml \
		|| { echo "Trunk.toml [tools] wasm_opt must match $$(wasm-opt --version)" >&2; exit 1; }

chromium:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
		|| { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; }

tools-build: rust-target trunk wasm-bindgen node-deps
tools-browser: tools-build chromium

## ---------------------------------------------------------------- the two commands

# A development build, in its own folder so that dist/ keeps the release bundle.
serve: tools-build
	trunk serve --offline --dist target/serve-dist

test: tools-browser fmt clippy native-test dist e2e report

## ---------------------------------------------------------------- steps

fmt:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bin policylens --bin worker --bin files -- -D warnings

native-test:
	cargo test

# Rebuilt only when an input changed (trunk always re-runs wasm-opt, ~30 s).
DIST_INPUTS := $(shell find src styles assets -type f 2>/dev/null) index.html Trunk.toml Cargo.toml Cargo.lock
dist: dist/index.html
dist/index.html: $(DIST_INPUTS) | tools-build
	trunk build --release --offline
	@touch $@

e2e:
	node --test --test-concurrency=1 tests/e2e/

report:
	node scripts/bench-browser.mjs

bench: tools-browser dist
	node scripts/bench-browser.mjs --import
	@for ex in $$(ls examples/*.rs 2>/dev/null | sed 's|examples/\(.*\)\.rs|\1|'); do \
		echo "== cargo run --release --example $$ex"; cargo run --release --example "$$ex"; done
	node scripts/bench-minimize-browser.mjs
