# The two everyday commands are `make serve` and `make test`; both set the
# machine up first (tools/setup.sh: quick when everything is installed).
SHELL := bash
PORT ?= 8080
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: setup build serve test test-native test-browser lint bench clean

setup:
	@tools/setup.sh

## Release build into dist/ (wasm-opt'd, loader moved out for the CSP).
build: setup
	tools/trunk.sh build --release

## Build, then serve dist/ at http://127.0.0.1:$(PORT)/
serve: build
	node tools/serve.mjs dist $(PORT)

## Every test: formatting, lints, native tests, then the release build in headless Chromium.
test: setup lint test-native
	tools/trunk.sh build --release
	node --test tests/browser/*.test.mjs

lint:
	cargo fmt --check
	cargo clippy --all-targets --quiet -- -D warnings

test-native:
	cargo test --quiet

## Size, start-up, search and save figures for the README, then a first
## visit like a phone's: Lighthouse mobile and slow 4G + 4x CPU (not a test).
bench: build
	cargo run --quiet --example ten_years > target/ten-years.json
	node tools/bench.mjs target/ten-years.json
	node tools/bench_phone.mjs

clean:
	rm -rf dist target node_modules
