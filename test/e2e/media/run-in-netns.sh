#!/bin/sh
# Runs the real-media scenarios (e2e/media/*.netns.ts, config test/vitest.netns.config.ts) inside a
# private network namespace (test-rig.md): only `lo` exists, so Chromium's WebRTC, rtpengine, sipd and
# baresip can use nothing but 127.0.0.1. It is also a private PID namespace: when this run ends or is
# killed (the outer test kills the unshare process by its PID), the kernel ends every process in it.
# A private Redis runs inside (the host's Redis is not reachable from the namespace). The run is
# bounded by HOTLINE_NETNS_TIMEOUT seconds (default 360). Extra arguments go to vitest.
# Needs root (unshare); exits 2 without it.
set -eu
cd "$(dirname "$0")/../../.."
if [ "${HOTLINE_IN_NETNS:-}" != 1 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null || ! command -v ip >/dev/null; then
    echo "run-in-netns: needs root for unshare -n (network namespace) and ip (iproute2); not running" >&2
    exit 2
  fi
  exec env HOTLINE_IN_NETNS=1 unshare --net --pid --fork --mount --mount-proc --kill-child "$0" "$@"
fi
ip link set lo up
port=6390
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no >/dev/null &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
REDIS_URL="redis://127.0.0.1:$port" timeout -k 10 "${HOTLINE_NETNS_TIMEOUT:-360}" \
  npx vitest run --config test/vitest.netns.config.ts "$@"
