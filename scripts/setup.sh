# Shared by scripts/kemuning and scripts/test: make sure libedit-dev is installed.
# Sourced, not run.
ensure_libedit() {
    if pkg-config --exists libedit 2>/dev/null && [ -e /usr/include/histedit.h ]; then
        return 0
    fi
    echo "kemuning: installing libedit-dev (needed for line editing)..." >&2
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq >&2 && $sudo apt-get install -y -qq libedit-dev pkg-config >&2 || {
        echo "kemuning: could not install libedit-dev; install it with: apt-get install -y libedit-dev" >&2
        return 1
    }
}
