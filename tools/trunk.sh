#!/usr/bin/env bash
# Runs trunk with the wasm toolchain tools/setup.sh chose. Wherever std's
# sources are at hand (Debian's rustc-web ships them; rustup has rust-src),
# std is built for wasm32 from source (build-std) for a smaller download;
# Debian's route links with lld-19. These settings apply to this trunk run
# only, never to host builds.
# Usage: tools/trunk.sh build --release
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Leptos's erase_components turns each component's view type into one
# AnyView: about 7 KB gzip less wasm, and faster builds.
RUSTFLAGS_WASM="--cfg erase_components"
TOOLCHAIN_FILE="${XDG_CACHE_HOME:-$HOME/.cache}/rekindle/wasm-toolchain"
BUILD_STD=0
if [ "$(cat "$TOOLCHAIN_FILE" 2>/dev/null)" = debian ]; then
  # Debian's cargo and rustc ahead of rustup's proxies; npm's wasm-opt ahead of all.
  export PATH="$PWD/node_modules/.bin:/usr/bin:$PATH"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19
  BUILD_STD=1
elif [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ] &&
  [ -e "${TOOLCHAIN_FILE%/*}/rust-src-fetched" ]; then
  # rustup with its rust-src component (tools/setup.sh adds it where it can):
  # build std here too, for the size savings below.
  BUILD_STD=1
fi
if [ "$BUILD_STD" = 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # std's smaller algorithms (sorting above all): about 6 KB gzip less.
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Since std is built here anyway, drop panic messages and unwinding
  # machinery from the wasm (about 14 KB gzip). A panic is a bug either way;
  # it still stops the app with "unreachable" in the console.
  RUSTFLAGS_WASM="$RUSTFLAGS_WASM -Zunstable-options -Cpanic=immediate-abort"
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$RUSTFLAGS_WASM"
exec trunk "$@"
