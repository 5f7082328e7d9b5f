# shellcheck shell=bash
# What install/'s shell scripts share; sourced, never run:  . "$ROOT/install/lib/common.sh"
# Debian's interpreter, the Debian packages a script needs (checked, then installed with apt-get),
# and whether an engine answers.

# Debian's Python: the one Debian's python3-* and jupyter-* packages install into (a pyenv python3
# first on PATH has none of them).
PYTHON=/usr/bin/python3

# The packages a script is missing: need_* add to it, install_packages "$WHO" "${NEED[@]}" installs them.
NEED=()

# need_command COMMAND PACKAGE...: the packages, when COMMAND is not on PATH.
need_command() { command -v "$1" >/dev/null || NEED+=("${@:2}"); }

# need_python "MODULE[, MODULE]" PACKAGE...: the packages, when Debian's Python cannot import MODULE.
need_python() { "$PYTHON" -c "import $1" 2>/dev/null || NEED+=("${@:2}"); }

# need_path PATH PACKAGE...: the packages, when PATH does not exist.
need_path() { [ -e "$1" ] || NEED+=("${@:2}"); }

# install_packages WHO [PACKAGE...]: installs the packages with apt-get, waiting for another apt-get
# on the machine rather than failing; nothing to do without packages. Not root: says what is missing
# and ends the script. apt-get's output goes to stderr or nowhere: a script's stdout is its answer.
install_packages() {
  local who=$1
  shift
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" != 0 ]; then
    echo "$who: $* missing; installing them needs root (apt-get): run as root" >&2
    exit 1
  fi
  echo "$who: installing $*" >&2
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    "$@" >/dev/null
}

# engine_answers HOST: true when the engine at HOST (unix://PATH or tcp://HOST:PORT) answers /_ping,
# which dockerd does once it serves the API.
engine_answers() {
  case "$1" in
    unix://*) [ -S "${1#unix://}" ] && curl -fsS --max-time 2 --unix-socket "${1#unix://}" http://localhost/_ping >/dev/null 2>&1 ;;
    tcp://*) curl -fsS --max-time 2 "http://${1#tcp://}/_ping" >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}
