#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at PostgreSQL.
#   scripts/with-postgres.sh <command> [args...]
# When DATABASE_URL is already set, the command runs against it unchanged. Otherwise a throwaway
# cluster is made (initdb in a temporary directory, pg_ctl on a free loopback port, trust auth
# for the local user only), DATABASE_URL is exported for the command, and the cluster is stopped
# and deleted afterwards, whatever the command's outcome. Debian's `postgresql` package is
# installed when no initdb can be found.
set -euo pipefail

if [[ -n "${DATABASE_URL:-}" ]]; then
  exec "$@"
fi

find_bindir() {
  if command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]]; then
    pg_config --bindir
    return
  fi
  # Debian keeps the server binaries out of PATH, one directory per major version.
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then
    echo "$dir"
    return
  fi
  if command -v initdb >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"
  fi
}

bindir="$(find_bindir)"
if [[ -z "$bindir" ]]; then
  echo "--- installing PostgreSQL (Debian package postgresql)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bindir="$(find_bindir)"
fi
[[ -n "$bindir" ]] || { echo "with-postgres: no initdb found" >&2; exit 1; }

# initdb refuses to run as root: run the server as the unprivileged `postgres` user then.
run_as=()
if [[ "$(id -u)" == 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  run_as=(runuser -u postgres --)
fi

datadir="$(mktemp -d /tmp/checkout-kit-pg.XXXXXX)"
[[ ${#run_as[@]} -gt 0 ]] && chown postgres "$datadir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"

cleanup() {
  "${run_as[@]}" "$bindir/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$datadir"
}
trap cleanup EXIT

"${run_as[@]}" "$bindir/initdb" -D "$datadir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null 2>&1 ||
  "${run_as[@]}" "$bindir/initdb" -D "$datadir/data" -U postgres --auth=trust --encoding=UTF8 >/dev/null
# fsync off: a throwaway cluster for tests; durability across a power cut is not under test.
"${run_as[@]}" "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w -t 60 start \
  -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c TimeZone=UTC" >/dev/null
echo "--- throwaway PostgreSQL on 127.0.0.1:$port ($bindir)" >&2

export DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
status=0
"$@" || status=$?
exit "$status"
