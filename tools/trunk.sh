#!/usr/bin/env bash
# Runs trunk with the wasm toolchain tools/setup.sh chose. With Debian's
# rustc-web, std is built for wasm32 from source (build-std), linked with
# lld-19; these settings apply to this trunk run only, never to host builds.
# Usage: tools/trunk.sh build --release
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Leptos's erase_components turns each component's view type into one
# AnyView: about 7 KB gzip less wasm, and faster builds.
RUSTFLAGS_WASM="--cfg erase_components"
TOOLCHAIN_FILE="${XDG_CACHE_HOME:-$HOME/.cache}/rekindle/wasm-toolchain"
if [ "$(cat "$TOOLCHAIN_FILE" 2>/dev/null)" = debian ]; then
  # Debian's cargo and rustc ahead of rustup's proxies; npm's wasm-opt ahead of all.
  export PATH="$PWD/node_modules/.bin:/usr/bin:$PATH"
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # std's smaller algorithms (sorting above all): about 6 KB gzip less.
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
  # Since std is built here anyway, drop panic messages and unwinding
  # machinery from the wasm (about 14 KB gzip). A panic is a bug either way;
  # it still stops the app with "unreachable" in the console.
  RUSTFLAGS_WASM="$RUSTFLAGS_WASM -Zunstable-options -Cpanic=immediate-abort"
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$RUSTFLAGS_WASM"
exec trunk "$@"
