#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, in a folder of the build tree, on a private port.
#   scripts/postgres.sh start DIR   initialises DIR if needed, starts the server, prints its URL on stdout
#   scripts/postgres.sh stop DIR    stops it (and does nothing when it is not running)
# The server runs as the invoking user, or as the unprivileged "postgres" user when invoked as root (PostgreSQL
# refuses to run as root; CI runs as root). Durability is switched off: the data is thrown away.
set -euo pipefail

action="${1:-}"
dir="${2:-}"
if [ -z "$action" ] || [ -z "$dir" ]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
data="$dir/data"
# When the build folder is not reachable by the unprivileged user (a clone under /root, say), the data lives in a
# private folder under /tmp; $dir/data-location remembers where, so stop finds it.
if [ -f "$dir/data-location" ]; then
    data="$(cat "$dir/data-location")"
fi
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
    echo "error: no PostgreSQL server found under /usr/lib/postgresql (install postgresql-15)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop() {
    if [ -f "$data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
}

free_port() {
    local port
    for port in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "error: no free port between 55432 and 55532" >&2
    return 1
}

case "$action" in
stop)
    stop
    if [ -f "$dir/data-location" ]; then
        rm -rf "$(dirname "$(cat "$dir/data-location")")" "$dir/data-location"
    fi
    ;;
start)
    stop # a server left over from an interrupted run
    if [ "$(id -u)" -eq 0 ]; then
        data="$dir/data"
        rm -f "$dir/data-location"
        chown postgres: "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            data="$(mktemp -d /tmp/tessera-postgres.XXXXXX)/data"
            chown postgres: "$(dirname "$data")"
            echo "$data" >"$dir/data-location"
        fi
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        rm -rf "$data"
        as_owner "$bindir/initdb" -D "$data" -U tessera --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$(dirname "$data")/initdb.log" 2>&1 ||
            { cat "$(dirname "$data")/initdb.log" >&2; exit 1; }
    fi
    port="$(free_port)"
    as_owner "$bindir/pg_ctl" -D "$data" -l "$(dirname "$data")/server.log" -w -t 60 start \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        >/dev/null || { cat "$(dirname "$data")/server.log" >&2; exit 1; }
    psql=("$bindir/psql" -h 127.0.0.1 -p "$port" -U tessera -v ON_ERROR_STOP=1 -q)
    if ! "${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'tessera_test'" | grep -q 1; then
        "${psql[@]}" -d postgres -c "CREATE DATABASE tessera_test" >/dev/null
    fi
    # Shared by every test schema, so dropping one schema never takes it from the others.
    "${psql[@]}" -d tessera_test -c "SET client_min_messages TO warning; CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public" >/dev/null
    echo "postgresql://tessera@127.0.0.1:$port/tessera_test"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
