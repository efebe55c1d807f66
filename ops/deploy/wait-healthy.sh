#!/usr/bin/env bash
# Polls a health URL until it answers 2xx twice in a row, or gives up.
#   bash ops/deploy/wait-healthy.sh URL [TIMEOUT_SECONDS=600] [INTERVAL_SECONDS=10]
# Exit 0 when healthy, 1 on timeout. Used by .github/workflows/deploy-environment.yml after a deploy.
set -euo pipefail

url=${1:?usage: wait-healthy.sh URL [TIMEOUT_SECONDS] [INTERVAL_SECONDS]}
timeout=${2:-600}
interval=${3:-10}
deadline=$((SECONDS + timeout))
successes=0
body=$(mktemp)
trap 'rm -f "$body"' EXIT

while [ "$SECONDS" -lt "$deadline" ]; do
  status=$(curl --silent --output "$body" --write-out '%{http_code}' --max-time 10 "$url" || true)
  if [[ "$status" == 2* ]]; then
    successes=$((successes + 1))
    echo "$(date -u +%H:%M:%S) $url -> $status ($successes/2)"
    if [ "$successes" -ge 2 ]; then
      cat "$body" 2>/dev/null && echo
      exit 0
    fi
  else
    successes=0
    echo "$(date -u +%H:%M:%S) $url -> ${status:-no answer}; retrying in ${interval}s"
  fi
  sleep "$interval"
done

echo "::error::$url was not healthy within ${timeout}s"
cat "$body" 2>/dev/null || true
exit 1
