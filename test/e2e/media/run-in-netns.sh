#!/bin/sh
# Runs the media e2e tests inside a private network namespace (test-rig.md): only `lo` exists, so
# Chromium's WebRTC, rtpengine, sipd and baresip can use nothing but 127.0.0.1. A private Redis runs
# inside the namespace (the host's Redis is not reachable from it) and is stopped by its PID.
# Needs root (unshare -n); without it, run `npx vitest run --project test test/e2e/media` directly.
set -eu
cd "$(dirname "$0")/../../.."
if [ "${HOTLINE_IN_NETNS:-}" != 1 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null || ! command -v ip >/dev/null; then
    echo "run-in-netns: needs root, unshare and ip (iproute2); not running" >&2
    exit 2
  fi
  exec env HOTLINE_IN_NETNS=1 unshare -n "$0" "$@"
fi
ip link set lo up
port=6390
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no >/dev/null &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null || true' EXIT INT TERM
for _ in 1 2 3 4 5 6 7 8 9 10; do
  redis-cli -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.2
done
REDIS_URL="redis://127.0.0.1:$port" npx vitest run --project test test/e2e/media "$@"
