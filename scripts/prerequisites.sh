#!/usr/bin/env bash
# Installs what running or testing Provisioning needs and is missing, then returns.
# Idempotent and quick when everything is there. Used by ./run.sh and ./test.sh.
#   scripts/prerequisites.sh [--browser]   --browser also installs Chromium for the UI tests.
set -euo pipefail

want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

say() { printf '[prerequisites] %s\n' "$*"; }
fail() { printf '[prerequisites] %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "Need root to run: $* (no sudo found). Install it by hand, then run this again."
  fi
}

apt_updated=false
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "Missing: $*. This machine has no apt-get; install them with its package manager."
  if ! $apt_updated; then
    say "apt-get update"
    as_root apt-get update -qq || fail "apt-get update failed; check the package sources."
    apt_updated=true
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || fail "Could not install $*. Install them by hand (sudo apt-get install $*), then run this again."
}

# Some package scripts in minimal containers replace /dev/null with a plain file, which
# breaks every child process that writes to it (initdb among them).
if [[ ! -c /dev/null && $EUID -eq 0 ]]; then
  say "/dev/null is not a character device; recreating it"
  rm -f /dev/null && mknod -m 666 /dev/null c 1 3
fi

command -v dotnet >/dev/null 2>&1 || fail "The .NET 10 SDK is required: https://dot.net/download (dotnet was not found on PATH)."
dotnet --list-sdks | grep -q '^10\.' || fail "The .NET 10 SDK is required; found: $(dotnet --list-sdks | tr '\n' ' ')"

container_runtime_answers() {
  local runtime="${ASPIRE_CONTAINER_RUNTIME:-docker}"
  command -v "$runtime" >/dev/null 2>&1 && timeout 10 "$runtime" info >/dev/null 2>&1
}

mode="${Infrastructure__Mode:-auto}"
if [[ "$mode" == "container" ]] || { [[ "$mode" == "auto" ]] && container_runtime_answers; }; then
  say "a container runtime answers: PostgreSQL and Redis will run as containers"
else
  missing=()
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || command -v postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if ((${#missing[@]})); then
    apt_install "${missing[@]}"
  fi
  say "no container runtime answers: PostgreSQL and Redis will run as local server processes"
fi

if $want_browser && [[ ! -x /usr/bin/chromium ]]; then
  apt_install chromium
fi
