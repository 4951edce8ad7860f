# PostgreSQL under FerretDB (CM_FERRETDB_BACKEND=postgresql): binaries, provisioning and one private cluster per data
# directory, listening on a Unix socket in that directory only. Sourced by lib.sh, after say/die.

# PostgreSQL server binaries (Debian's postgresql package puts them in /usr/lib/postgresql/<major>/bin, off PATH).
postgres_bindir() {
  local dir
  for dir in "${CM_POSTGRES_BINDIR:-}" /usr/lib/postgresql/*/bin "$(dirname "$(command -v initdb 2>/dev/null || echo /x/x)")"; do
    [[ -n $dir && -x $dir/initdb && -x $dir/postgres ]] && { echo "$dir"; return 0; }
  done
  return 1
}

ensure_postgres() {
  [[ $CM_FERRETDB_BACKEND == postgresql ]] || return 0
  postgres_bindir >/dev/null && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing the PostgreSQL server (apt-get install postgresql)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) ||
      die "could not install postgresql"
  else
    die "PostgreSQL is missing: install it (Debian: apt-get install postgresql; or set CM_POSTGRES_BINDIR), \
or use CM_FERRETDB_BACKEND=sqlite"
  fi
}

# PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. setpriv execs, so the pid of
# a backgrounded server is the server's own.
AS_POSTGRES=()
[[ $(id -u) == 0 ]] && AS_POSTGRES=(setpriv --reuid=postgres --regid=postgres --init-groups --)

# The cluster's directory: .data/postgres/data in the clone, unless (as root) the postgres user cannot reach it
# because a directory above is private (a clone under /root, or in a mktemp directory): then a directory of its own
# in the postgres user's home, named after the clone's data directory, so each clone still has its own cluster.
postgres_cluster_dir() {
  local dir="$DATA_DIR/postgres"
  mkdir -p "$dir"
  if [[ $(id -u) == 0 ]] && ! "${AS_POSTGRES[@]}" test -x "$dir" 2>/dev/null; then
    local home
    home="$(getent passwd postgres | cut -d: -f6)"
    echo "${home:-/var/lib/postgresql}/cm-article6/$(printf '%s' "$DATA_DIR" | sha256sum | cut -c1-12)/data"
  else
    echo "$dir/data"
  fi
}

# The URL FerretDB is given: the cluster's own `postgres` database over the socket in the data directory.
postgresql_url() { echo "postgres://postgres@/postgres?host=$1&port=$POSTGRES_PORT"; }

# Creates the cluster on first use (C locale: jsonb strings then compare byte-wise, as BSON strings do, which the
# _id range patch relies on) and starts it in the background; the caller records $!. force_custom_plan: FerretDB
# passes field names as query parameters, and only a plan made with their values can use an index on a field.
start_postgres_cluster() { # data directory, log file
  local dir="$1" log="$2" bin
  bin="$(postgres_bindir)" || die "PostgreSQL is missing (deploy/local/infra provision installs it)"
  mkdir -p "$dir"
  [[ $(id -u) == 0 ]] && chown postgres: "$dir" "$(dirname "$dir")"
  chmod 700 "$dir"
  if [[ ! -f $dir/PG_VERSION ]]; then
    "${AS_POSTGRES[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust --locale=C --encoding=UTF8 >>"$log" 2>&1 ||
      die "initdb failed; see $log"
  fi
  setsid nohup "${AS_POSTGRES[@]}" "$bin/postgres" -D "$dir" -p "$POSTGRES_PORT" -c listen_addresses= \
    -c unix_socket_directories="$dir" -c plan_cache_mode=force_custom_plan >>"$log" 2>&1 </dev/null &
}

postgres_ready() { # data directory
  pg_isready_bin="$(postgres_bindir)/pg_isready"
  "$pg_isready_bin" -q -h "$1" -p "$POSTGRES_PORT" -U postgres
}
