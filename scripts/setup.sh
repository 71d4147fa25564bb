# Shared by scripts/kemuning and scripts/test: make sure what the build and the tests need is
# installed, from Debian's packages. Sourced, not run.

# apt_install WHY PACKAGE...: installs the packages (with sudo unless root), or says how to.
apt_install() {
    local why="$1"
    shift
    echo "kemuning: installing $* ($why)..." >&2
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq "$@" >&2 || {
        echo "kemuning: could not install $*; install it with: apt-get install -y $*" >&2
        return 1
    }
}

# The build's system libraries: libedit (line editing, target CEditLine) and libpq (the
# PostgreSQL store, target CLibPQ), both found through pkg-config; one apt-get for what is missing.
ensure_build_deps() {
    local missing=()
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    if ! pkg-config --exists libedit 2>/dev/null || [ ! -e /usr/include/histedit.h ]; then
        missing+=(libedit-dev)
    fi
    if ! pkg-config --exists libpq 2>/dev/null || [ ! -e "$(pkg-config --variable=includedir libpq)/libpq-fe.h" ]; then
        missing+=(libpq-dev)
    fi
    [ "${#missing[@]}" -eq 0 ] || apt_install "needed to build kemuning" "${missing[@]}"
}

# Kept for callers that knew it by this name: the build needs more than libedit now.
ensure_libedit() { ensure_build_deps; }

# The PostgreSQL server programs (initdb, pg_ctl, postgres), looked for where the tests look
# (Tests/TranscriptTests/PostgresCluster.swift): pg_config --bindir, /usr/lib/postgresql/N/bin,
# PATH. The store's server tests start a throwaway cluster with them. In CI they must be there
# (installed if missing); elsewhere a missing server only skips those tests, with a message.
has_postgres_server() {
    local dir
    for dir in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"; do
        [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && return 0
    done
    return 1
}

ensure_postgres_server() {
    has_postgres_server && return 0
    if [ "${CI:-}" = true ]; then
        apt_install "the PostgreSQL store is tested against a real server in CI" postgresql
    else
        echo "kemuning: no PostgreSQL server installed: the PostgreSQL store's server tests will be skipped (apt-get install postgresql)" >&2
    fi
}
