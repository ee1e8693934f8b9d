#!/usr/bin/env bash
# Installs what Rekindle needs to build and test, on a fresh Debian machine or
# a developer's own. Every step checks before it acts, so a second run takes
# a second or two. Tools go where a user expects them: ~/.cargo/bin for cargo
# tools, ./node_modules for the npm build/test tools, the system for Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.22.1
STATE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/rekindle"
mkdir -p "$STATE_DIR"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------
APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  say "installing ${missing[*]} (apt)"
  if [ "$APT_UPDATED" -eq 0 ]; then
    "${sudo[@]}" apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- Host Rust and Node ----------------------------------------------------
if ! command -v cargo >/dev/null; then
  # No rustup: Debian's newer toolchain serves the host build too.
  apt_install rustc-web cargo-web
fi
command -v node >/dev/null || apt_install nodejs npm

# --- The wasm32 toolchain --------------------------------------------------
# Prefer rustup's wasm32 target. Where rustup cannot get it (as on machines
# with no route to its servers), fall back to Debian's rustc-web, which ships
# the std sources, and build std for wasm ourselves (tools/trunk.sh).
TOOLCHAIN_FILE="$STATE_DIR/wasm-toolchain"
has_rustup_wasm() {
  command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}
if has_rustup_wasm; then
  echo rustup >"$TOOLCHAIN_FILE"
elif [ "$(cat "$TOOLCHAIN_FILE" 2>/dev/null)" != debian ]; then
  if command -v rustup >/dev/null && timeout 180 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    echo rustup >"$TOOLCHAIN_FILE"
  else
    say "rustup has no wasm32 target here; using Debian's rustc-web with build-std"
    echo debian >"$TOOLCHAIN_FILE"
  fi
fi
if [ "$(cat "$TOOLCHAIN_FILE")" = debian ]; then
  apt_install rustc-web cargo-web rust-web-src lld-19
elif [ ! -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ] &&
  [ ! -e "$STATE_DIR/no-rust-src" ]; then
  # std's sources let tools/trunk.sh build a smaller std for wasm. Optional:
  # without them the build uses rustup's prebuilt std (a larger download).
  say "adding rustup's rust-src component (a smaller wasm build)"
  timeout 180 rustup component add rust-src >/dev/null 2>&1 || touch "$STATE_DIR/no-rust-src"
fi
RUST_LIBRARY="$(rustc --print sysroot)/lib/rustlib/src/rust/library"
if [ "$(cat "$TOOLCHAIN_FILE")" = rustup ] && [ -d "$RUST_LIBRARY/std" ] &&
  [ ! -e "$STATE_DIR/rust-src-fetched" ]; then
  # Building std needs its own few crates; trunk builds offline, so fetch them once.
  if RUSTC_BOOTSTRAP=1 timeout 300 cargo fetch --quiet --manifest-path "$RUST_LIBRARY/Cargo.toml"; then
    touch "$STATE_DIR/rust-src-fetched"
  fi
fi

# --- wasm-bindgen-cli (exactly the crate's version) and Trunk ---------------
# Both are cargo builds of several minutes; on two cores they run side by side.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock 2>/dev/null || true)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  WASM_BINDGEN_VERSION=$(grep -E '^wasm-bindgen = "=' Cargo.toml | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')
fi
installs=()
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo, several minutes)"
  cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force &
  installs+=($!)
fi
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (cargo, several minutes)"
  cargo install --quiet trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version --force &
  installs+=($!)
fi
for pid in "${installs[@]}"; do wait "$pid"; done

# --- npm tools: wasm-opt (binaryen), Playwright, axe-core, Lighthouse -------
# Debian's binaryen is too old (its wasm-opt output fails in Chromium).
# Lighthouse (make bench) asks for Node 22; it runs on Debian's Node 20 too.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen, playwright-core, axe-core, lighthouse)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- Chromium for the browser tests ----------------------------------------
# Playwright drives the system Chromium; it never downloads a browser.
apt_install chromium chromium-driver

say "ready ($(cat "$TOOLCHAIN_FILE") wasm toolchain, trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION)"
