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

# The kernel jar's port forwarder (io.github.dockerlessons.portforward.PortForwarder), for install/engine
# and install/cluster. port_forwarder_running PIDFILE: true when PIDFILE names a live forwarder (a pid
# reused by another process is not one).
port_forwarder_running() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null && grep -q PortForwarder "/proc/$(cat "$1")/cmdline" 2>/dev/null
}

# start_port_forwarder JAR RUN LOG PIDFILE ARG...: starts it with ARG... unless it runs; returns 1 when
# the jar is not built or java is missing. It runs a copy in RUN, so that rebuilding the jar never pulls
# classes from under it.
start_port_forwarder() {
  local jar=$1 run=$2 log=$3 pidfile=$4
  shift 4
  port_forwarder_running "$pidfile" && return 0
  if [ ! -f "$jar" ] || ! command -v java >/dev/null; then
    return 1
  fi
  cp "$jar" "$run/port-forwarder.jar"
  setsid java -Xmx32m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$run/port-forwarder.jar" \
    io.github.dockerlessons.portforward.PortForwarder "$@" >>"$log" 2>&1 9>&- </dev/null &
  echo $! > "$pidfile"
}

# stop_port_forwarder PIDFILE: ends the forwarder PIDFILE names, if it is one.
stop_port_forwarder() {
  if port_forwarder_running "$1"; then
    kill -TERM "$(cat "$1")"
  fi
  rm -f "$1"
}
