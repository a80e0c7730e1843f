#!/bin/bash
# Container health check: succeeds when GET /health/live on 127.0.0.1:$TOCSIN_HEALTH_PORT answers 200.
# Uses only bash's /dev/tcp (debian:bookworm-slim has neither curl nor wget).
set -euo pipefail
port="${TOCSIN_HEALTH_PORT:-9813}"
path="${TOCSIN_HEALTH_PATH:-/health/live}"
timeout="${TOCSIN_HEALTH_TIMEOUT:-5}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
read -r -t "$timeout" _ status _ <&3
[ "$status" = "200" ]
