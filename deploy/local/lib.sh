# Shared by deploy/local/{infra,start,test}: paths, ports and provisioning of what a fresh clone lacks.
# Sourced, not executed.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="${CM_DATA_DIR:-$ROOT/.data}"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/cm-article6"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
MONGODB_PORT="${MONGODB_PORT:-27017}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export MONGODB_URI="${MONGODB_URI:-mongodb://127.0.0.1:$MONGODB_PORT/}"
# FerretDB's storage: PostgreSQL (the default, chosen by bench/backends.ts; README "Local infrastructure") or SQLite.
export CM_FERRETDB_BACKEND="${CM_FERRETDB_BACKEND:-postgresql}"
case "$CM_FERRETDB_BACKEND" in postgresql | sqlite) ;; *) echo "CM_FERRETDB_BACKEND must be postgresql or sqlite" >&2; exit 2 ;; esac
# PostgreSQL listens on a Unix socket in its data directory only (no TCP port); the port just names the socket.
POSTGRES_PORT="${POSTGRES_PORT:-25432}"

say() { printf '\033[1m[local]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[local] error:\033[0m %s\n' "$*" >&2; exit 1; }

require_tool() { # name, hint
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"
}

content_hash() { cat "$@" | sha256sum | cut -c1-16; }

ensure_node_modules() {
  local stamp="$ROOT/node_modules/.package-lock.json"
  # A linked node_modules belongs to another checkout (a git worktree sharing one install): npm ci would follow the
  # link and empty that checkout's modules under whatever runs there. Install in the checkout that owns it.
  if [[ -L "$ROOT/node_modules" ]]; then
    [[ -f "$stamp" ]] || die "node_modules links to $(readlink "$ROOT/node_modules"), which has no install"
    return 0
  fi
  if [[ ! -f "$stamp" || "$ROOT/package-lock.json" -nt "$stamp" ]]; then
    say "installing node modules (npm ci)…"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  fi
}

# The broker's runtime classpath, resolved by Maven from deploy/local/kafka/pom.xml into a cache outside the clone.
kafka_classpath_file() { echo "$CACHE_DIR/kafka/$(content_hash "$ROOT/deploy/local/kafka/pom.xml")/classpath.txt"; }

ensure_kafka() {
  local cp_file
  cp_file="$(kafka_classpath_file)"
  [[ -s "$cp_file" ]] && return 0
  require_tool java "Install Java 17 (Debian: apt-get install -y openjdk-17-jre-headless)."
  require_tool mvn "Install Maven (Debian: apt-get install -y maven)."
  say "resolving the Apache Kafka broker jars from Maven Central (first run only, ~1 min)…"
  mkdir -p "$(dirname "$cp_file")"
  mvn -B -q -Dstyle.color=never -f "$ROOT/deploy/local/kafka/pom.xml" -Dmaven.repo.local="$CACHE_DIR/m2" \
    dependency:build-classpath -Dmdep.outputFile="$cp_file.tmp" || die "Maven could not resolve the Kafka jars"
  mv "$cp_file.tmp" "$cp_file"
}

ferretdb_binary() {
  local src="$ROOT/deploy/local/ferretdb"
  echo "$CACHE_DIR/ferretdb/$(content_hash "$src/go.mod" "$src/go.sum" "$src/main.go" "$src"/patches/*.sed)/ferretdb"
}

# Builds our wrapper against the FerretDB module with the patches in deploy/local/ferretdb/patches applied to a
# private copy (go.mod is pinned; the copy is referenced with a `replace`, so the module cache stays untouched).
ensure_ferretdb() {
  local bin
  bin="$(ferretdb_binary)"
  [[ -x "$bin" ]] && return 0
  require_tool go "Install Go 1.22+ (Debian: apt-get install -y golang, or the official tarball)."
  say "building FerretDB 1.24 from the Go module proxy (first run only, ~2 min)…"
  local work module_dir
  work="$(mktemp -d)"
  cp "$ROOT/deploy/local/ferretdb/"{go.mod,go.sum,main.go} "$work/"
  (cd "$work" && go mod download github.com/FerretDB/FerretDB) || die "go mod download of FerretDB failed"
  module_dir="$(cd "$work" && go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)"
  cp -r "$module_dir" "$work/ferretdb-module"
  chmod -R u+w "$work/ferretdb-module"
  # A patch whose target did not change, or lacks a line its `# expect:` comments name, no longer applies.
  local applied=""
  for patch in "$ROOT/deploy/local/ferretdb/patches/"*.sed; do
    local target expected
    target="$(sed -n 's/^# target: //p' "$patch")"
    cp "$work/ferretdb-module/$target" "$work/before"
    sed -i -f "$patch" "$work/ferretdb-module/$target"
    cmp -s "$work/before" "$work/ferretdb-module/$target" && die "patch $(basename "$patch") no longer applies to $target"
    while IFS= read -r expected; do
      grep -qF -- "$expected" "$work/ferretdb-module/$target" ||
        die "patch $(basename "$patch") no longer applies to $target (no line with: $expected)"
    done < <(sed -n 's/^# expect: //p' "$patch")
    applied+="${applied:+,}$(basename "$patch" .sed)"
  done
  # buildInfo reports the patches applied (patches/buildinfo-reports-patches.sed).
  local ldflags="-X github.com/FerretDB/FerretDB/internal/handler.appliedPatches=$applied"
  (cd "$work" && go mod edit -replace "github.com/FerretDB/FerretDB=./ferretdb-module" &&
    CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "$ldflags" -o "$work/ferretdb" .) ||
    die "go build of FerretDB failed"
  mkdir -p "$(dirname "$bin")"
  mv "$work/ferretdb" "$bin"
  rm -rf "$work"
}

# The IATI export test validates against the official XSD with xmllint (Debian: libxml2-utils).
ensure_xmllint() {
  command -v xmllint >/dev/null 2>&1 && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing xmllint (apt-get install libxml2-utils)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null) ||
      die "could not install libxml2-utils"
  else
    die "xmllint is missing: install libxml2-utils (Debian/Ubuntu) or libxml2 (other systems)"
  fi
}

# The console's browser tests drive Debian's chromium through playwright-core (no browser download from npm).
chromium_binary() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" chromium chromium-browser google-chrome; do
    [[ -n $candidate ]] && command -v "$candidate" >/dev/null 2>&1 && { command -v "$candidate"; return 0; }
  done
  return 1
}

ensure_chromium() {
  chromium_binary >/dev/null && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium for the console's browser tests (apt-get install chromium)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
      die "could not install chromium"
  else
    die "chromium is missing: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chrome binary"
  fi
}

source "$ROOT/deploy/local/postgres.sh"

provision() {
  ensure_node_modules
  ensure_kafka
  ensure_postgres
  ensure_ferretdb
}

# Tools of the deployment tests (test/deploy/k8s-*.spec.ts, observability.spec.ts), pinned and cached outside the
# clone: kustomize and promtool built from the Go module proxy, kubernetes-validate (bundled Kubernetes schemas) in
# a venv. deploy/k8s/tools/provision builds them; `npm test` starts it in the background before anything else.
KUSTOMIZE_VERSION=v5.8.2
PROMTOOL_VERSION=v0.316.0 # the Go module version of Prometheus 3.16.0
KUBERNETES_VALIDATE_VERSION=1.37.0
DEPLOY_TOOLS_DIR="$CACHE_DIR/deploy-tools"
kustomize_binary() { echo "$DEPLOY_TOOLS_DIR/kustomize-$KUSTOMIZE_VERSION/kustomize"; }
promtool_binary() { echo "$DEPLOY_TOOLS_DIR/promtool-$PROMTOOL_VERSION/promtool"; }
kubernetes_validate_binary() { echo "$DEPLOY_TOOLS_DIR/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION/bin/kubernetes-validate"; }

# go install into a private GOBIN, then one rename: an interrupted build never leaves a half-written binary.
# -trimpath and -ldflags='-s -w' make the link step lighter; extra arguments go to go install (build tags).
go_install_tool() { # binary path, package@version, go install flags...
  local bin="$1" package="$2" work
  shift 2
  require_tool go "Install Go 1.26+ (the official tarball from go.dev/dl)."
  work="$(mktemp -d)"
  GOBIN="$work" CGO_ENABLED=0 GOFLAGS=-buildvcs=false go install -trimpath -ldflags='-s -w' "$@" "$package" ||
    die "go install $package failed"
  mkdir -p "$(dirname "$bin")"
  mv "$work/$(basename "$bin")" "$bin"
  rm -rf "$work"
}

ensure_kustomize() {
  [[ -x "$(kustomize_binary)" ]] && return 0
  go_install_tool "$(kustomize_binary)" "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
}

# remove_all_sd drops the cloud service-discovery plugins (AWS, Azure, GCE, …) that promtool never needs to check
# or unit-test rules: the largest part of a cold build.
ensure_promtool() {
  [[ -x "$(promtool_binary)" ]] && return 0
  go_install_tool "$(promtool_binary)" "github.com/prometheus/prometheus/cmd/promtool@$PROMTOOL_VERSION" -tags=remove_all_sd
}

# The venv is made in place (venvs do not survive a move); the stamp says that pip finished.
ensure_kubernetes_validate() {
  local venv
  venv="$(dirname "$(dirname "$(kubernetes_validate_binary)")")"
  [[ -f "$venv/.installed" ]] && return 0
  require_tool python3 "Install Python 3.9+ with venv (Debian: apt-get install -y python3 python3-venv)."
  rm -rf "$venv"
  python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install -y python3-venv)"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" ||
    die "pip install kubernetes-validate==$KUBERNETES_VALIDATE_VERSION failed"
  touch "$venv/.installed"
}

# schemathesis (PyPI), the OpenAPI contract fuzzer of the abuse project (test/abuse/schemathesis.abuse-spec.ts), in a
# venv under the cache. Every package is pinned with its hashes in deploy/local/schemathesis/requirements.txt
# (pip-compile --generate-hashes of requirements.in, for Python 3.11+); the venv is named after that file's hash, so
# a new pin gets a new venv. Parallel runs wait for one install under a lock; the stamp says that pip finished.
SCHEMATHESIS_DIR="$ROOT/deploy/local/schemathesis"
SCHEMATHESIS_VERSION="$(sed -n 's/^schemathesis==//p' "$SCHEMATHESIS_DIR/requirements.in")"
schemathesis_binary() { echo "$CACHE_DIR/schemathesis/$(content_hash "$SCHEMATHESIS_DIR/requirements.txt")/bin/st"; }

ensure_python_venv() {
  require_tool python3 "schemathesis needs Python 3.11+ with venv (Debian: apt-get install -y python3 python3-venv)."
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    die "schemathesis needs Python 3.11+, found $(python3 --version 2>&1) (Debian 12+: apt-get install -y python3)"
  python3 -c 'import ensurepip, venv' 2>/dev/null && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing python3-venv (apt-get install python3-venv)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null) ||
      die "could not install python3-venv"
  else
    die "Python's venv module is missing: install it (Debian: apt-get install -y python3-venv)"
  fi
}

ensure_schemathesis() {
  local venv
  venv="$(dirname "$(dirname "$(schemathesis_binary)")")"
  [[ -f "$venv/.installed" ]] && return 0
  mkdir -p "$CACHE_DIR/schemathesis"
  (
    exec 9>"$CACHE_DIR/schemathesis/.lock"
    if ! flock -n 9; then
      say "schemathesis is being installed by another run; waiting…" >&2
      flock 9
    fi
    [[ -f "$venv/.installed" ]] && exit 0
    ensure_python_venv
    say "installing schemathesis $SCHEMATHESIS_VERSION into $venv (first run only)…" >&2
    rm -rf "$venv"
    python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install -y python3-venv)"
    "$venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes \
      -r "$SCHEMATHESIS_DIR/requirements.txt" >&2 || die "pip install of schemathesis $SCHEMATHESIS_VERSION failed"
    touch "$venv/.installed"
  ) || exit 1
}
