#!/usr/bin/env bash
# Installs what running or testing Provisioning needs and is missing, then returns.
# Idempotent and quick when everything is there. Used by ./run.sh and ./test.sh.
#   scripts/prerequisites.sh [--browser] [--deploy]
#     --browser  also installs Chromium for the UI tests;
#     --deploy   also what the Kubernetes manifest tests need: kubectl (kustomize), Node.js and the
#                schema validator's npm packages (deploy/kubernetes/validation);
#     --bench    also the throughput benchmark's tools: wrk, nginx, and pgbench with pg_stat_statements
#                (Debian ships both with the PostgreSQL server package; postgresql-contrib names it).
set -euo pipefail

want_browser=false
want_deploy=false
want_bench=false
for argument in "$@"; do
  case "$argument" in
    --browser) want_browser=true ;;
    --deploy) want_deploy=true ;;
    --bench) want_bench=true ;;
  esac
done

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

if $want_bench; then
  missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  { command -v pgbench >/dev/null 2>&1 && compgen -G '/usr/lib/postgresql/*/lib/pg_stat_statements.so' >/dev/null; } \
    || missing+=(postgresql-contrib)
  if ((${#missing[@]})); then
    apt_install "${missing[@]}"
  fi
fi

if $want_deploy; then
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  # kubectl brings kustomize; Debian's own kubectl (kubernetes-client 1.20) carries a kustomize
  # too old for the manifests' syntax, so the Kubernetes project's package comes first.
  command -v kubectl >/dev/null 2>&1 || apt_install kubectl
  kustomize_version=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p')
  [[ "${kustomize_version:-0}" -ge 5 ]] \
    || fail "kubectl's kustomize is v${kustomize_version:-?}; the manifests need v5 or newer (kubectl 1.27+). Install a newer kubectl, then run this again."
  validation="$(dirname "$0")/../deploy/kubernetes/validation"
  if [[ ! -d "$validation/node_modules/kubernetes-models" || "$validation/package-lock.json" -nt "$validation/node_modules" ]]; then
    say "npm ci (the Kubernetes schema validator)"
    (cd "$validation" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
      || fail "npm ci failed in deploy/kubernetes/validation; check that the npm registry answers."
    touch "$validation/node_modules"
  fi
fi
