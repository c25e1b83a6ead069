#!/usr/bin/env bash
# The peer of the side-by-side benchmark (issue 15): ejabberd (Debian package) with its message archive (mod_mam,
# every message archived for sender and recipient) and its users on a PostgreSQL server of its own, on this machine.
#   Chat.Bench/Peer/start-ejabberd.sh [DIR] [USERS]   start (DIR default /tmp/ejabberd-bench), USERS accounts bench0..N-1
#   Chat.Bench/Peer/start-ejabberd.sh --stop [DIR]    stop both
# Accounts: benchN@bench.localhost, password "bench" (stored plain, so logging in is cheap: the benchmark measures
# messages, not SCRAM). c2s on 127.0.0.1:5222 without TLS, PostgreSQL on 127.0.0.1:5440.
set -euo pipefail

stop=false
if [ "${1:-}" = "--stop" ]; then stop=true; shift; fi
dir="$(realpath -m "${1:-/tmp/ejabberd-bench}")"
users="${2:-200}"
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
# Our own ejabberdctl.cfg too: Debian's, read after the options, would point --config back to /etc/ejabberd.
ctl=(ejabberdctl --ctl-config "$dir/ejabberdctl.cfg" --config "$dir/ejabberd.yml" --spool "$dir/spool" --logs "$dir/logs" --node ejabberd-bench@localhost)
# initdb refuses to run as root, as in the AppHost: Postgres runs as the postgres system user.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_bench() { "$pgbin/psql" -h 127.0.0.1 -p 5440 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

if $stop; then
  "${ctl[@]}" stop >/dev/null 2>&1 || true
  "${ctl[@]}" stopped >/dev/null 2>&1 || true
  as_postgres "$pgbin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
  exit 0
fi

# erlang-p1-pgsql is only a recommendation of the ejabberd package, and without it every SQL call fails.
if ! command -v ejabberdctl >/dev/null || ! dpkg -s erlang-p1-pgsql >/dev/null 2>&1; then
  echo "ejabberd is missing: apt-get install -y --no-install-recommends ejabberd erlang-p1-pgsql" >&2; exit 1
fi
# The load driver (@xmpp/client) beside this script.
[ -d "$(dirname "$0")/node_modules/@xmpp" ] || (cd "$(dirname "$0")" && npm install --no-audit --no-fund >/dev/null)
mkdir -p "$dir/spool" "$dir/logs"
touch "$dir/ejabberdctl.cfg"
chmod 755 "$dir"
if [ ! -f "$dir/pg/PG_VERSION" ]; then
  mkdir -p "$dir/pg"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir/pg"
  as_postgres "$pgbin/initdb" -D "$dir/pg" -U postgres --auth=trust >/dev/null
fi
as_postgres "$pgbin/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1 || as_postgres "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
  -o "-c listen_addresses=localhost -c port=5440 -c unix_socket_directories= -c max_connections=200" start >/dev/null
if [ "$(psql_bench -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'ejabberd'")" != 1 ]; then
  psql_bench -d postgres -c "CREATE DATABASE ejabberd"
  psql_bench -d ejabberd -f /usr/share/ejabberd/sql/pg.sql >/dev/null
fi
# Accounts straight into the users table: registering them one ejabberdctl call at a time takes minutes here.
psql_bench -d ejabberd -c "INSERT INTO users (username, password) SELECT 'bench' || n, 'bench' FROM generate_series(0, $users - 1) n ON CONFLICT DO NOTHING"

cat > "$dir/ejabberd.yml" <<YAML
hosts: [bench.localhost]
loglevel: warning
certfiles: []
listen:
  - port: 5222
    ip: "127.0.0.1"
    module: ejabberd_c2s
    max_stanza_size: 262144
    access: c2s
    starttls_required: false
acl:
  local:
    user_regexp: ""
access_rules:
  c2s:
    allow: all
shaper_rules:
  c2s_shaper: none
sql_type: pgsql
sql_server: "127.0.0.1"
sql_port: 5440
sql_database: "ejabberd"
sql_username: "postgres"
sql_password: ""
sql_pool_size: 10
auth_method: sql
auth_password_format: plain
modules:
  mod_mam:
    db_type: sql
    default: always
  mod_disco: {}
  mod_ping: {}
  mod_roster:
    db_type: sql
YAML
[ "$(id -u)" -ne 0 ] || chown -R ejabberd:ejabberd "$dir/spool" "$dir/logs" "$dir/ejabberd.yml" "$dir/ejabberdctl.cfg"
"${ctl[@]}" start
"${ctl[@]}" started
echo "ejabberd up: xmpp://127.0.0.1:5222, domain bench.localhost, $users accounts bench0..bench$((users - 1)) (password bench)"
