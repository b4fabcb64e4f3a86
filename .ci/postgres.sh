# Sourced by .ci/run. Starts a throwaway PostgreSQL cluster on a free loopback port for the JDBC
# store tests and exports CXS_TEST_POSTGRES_URL; installs the Debian package first if needed.
# Idempotent: works whether PostgreSQL is installed or not; needs root (or sudo) to install.
# cxs_pg_stop stops the cluster and removes its directory.

cxs_pg_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "PostgreSQL: installing the Debian package"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  local port=55432
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  CXS_PG_DIR=$(mktemp -d /tmp/cxs-pg.XXXXXX)
  local as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$CXS_PG_DIR"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$bin/initdb" -D "$CXS_PG_DIR/data" -U postgres -A trust --no-sync >/dev/null
  "${as_pg[@]}" "$bin/pg_ctl" -D "$CXS_PG_DIR/data" -l "$CXS_PG_DIR/server.log" -w \
    -o "-p $port -k $CXS_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  CXS_PG_BIN=$bin
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE USER cxs PASSWORD 'cxs'" -c "CREATE DATABASE cxs OWNER cxs" >/dev/null
  export CXS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/cxs?user=cxs&password=cxs"
  echo "PostgreSQL: $("$bin/postgres" --version) on 127.0.0.1:$port"
}

cxs_pg_stop() {
  if [ -n "${CXS_PG_DIR:-}" ] && [ -d "$CXS_PG_DIR/data" ]; then
    local as_pg=()
    [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
    "${as_pg[@]}" "$CXS_PG_BIN/pg_ctl" -D "$CXS_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$CXS_PG_DIR"
  fi
}
