#!/usr/bin/env bash
# Runs the test suite (`cargo test`, with any arguments given) with HOME set to an
# empty temporary folder and the XDG folders unset, so that anything a test or a
# storyx it spawns writes into the user's home lands there; CARGO_HOME and
# RUSTUP_HOME stay where they are. Fails if the folder is not empty afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
env -u XDG_CACHE_HOME -u XDG_STATE_HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME \
  HOME="$home" cargo test "$@"
left=$(find "$home" -mindepth 1)
if [ -n "$left" ]; then
  echo "the tests wrote into HOME ($home):"
  echo "$left"
  exit 1
fi
echo "HOME ($home) stayed empty"
