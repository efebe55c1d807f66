#!/usr/bin/env bash
# Starts Prometheus (Debian's `prometheus`) on 127.0.0.1 with the repository's `cms` scrape job
# pointed at a running CMS, waits until the target is `up`, prints the result and stops Prometheus.
#
#   bash ops/prometheus-smoke.sh CMS_URL            e.g. http://127.0.0.1:8000
#
# Environment: METRICS_TOKEN (bearer token, when the CMS sets one), SMOKE_TIMEOUT (seconds to wait
# for `up`, default 60), SMOKE_PORT (Prometheus' port, default: a free one from 19090).
# Exit 0 when the target is up, 1 when it is not within the timeout, 2 on usage or setup errors.
set -uo pipefail

cms_url=${1:-}
if [[ ! "$cms_url" =~ ^(https?)://([^/]+)(/.*)?$ ]]; then
  echo "usage: bash ops/prometheus-smoke.sh CMS_URL   (e.g. http://127.0.0.1:8000)" >&2
  exit 2
fi
scheme=${BASH_REMATCH[1]}
address=${BASH_REMATCH[2]}
timeout=${SMOKE_TIMEOUT:-60}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS_DIR=${OPS_TOOLS_DIR:-/tmp/ipswich-opstools}

if ! command -v prometheus >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  fi
  command -v prometheus >/dev/null || { echo "prometheus is not installed (apt-get install prometheus)" >&2; exit 2; }
fi
if [ ! -d "$TOOLS_DIR/node_modules/yaml" ]; then
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --save-exact --loglevel=error yaml@2.9.1 >/dev/null ||
    { echo "could not install the yaml package into $TOOLS_DIR" >&2; exit 2; }
fi

port=${SMOKE_PORT:-}
if [ -z "$port" ]; then
  for candidate in $(seq 19090 19190); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
fi
[ -n "$port" ] || { echo "no free port between 19090 and 19190" >&2; exit 2; }

work=$(mktemp -d)
prom_pid=
cleanup() {
  if [ -n "$prom_pid" ] && kill -0 "$prom_pid" 2>/dev/null; then
    kill "$prom_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$prom_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$prom_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# The temp config: the repository's cms job (path, auth, labels, relabelling) with the given address
# in place of its discovery, a short scrape interval, and the repository's alert rules (so they load
# in a real Prometheus too).
mkdir -p "$work/secrets" "$work/data"
printf '%s' "${METRICS_TOKEN:-}" >"$work/secrets/metrics_token"
cp "$ROOT/ops/prometheus/alerts.yml" "$work/alerts.yml"
NODE_PATH="$TOOLS_DIR/node_modules" node - "$ROOT/ops/prometheus/prometheus.yml" "$work/prometheus.yml" "$address" "$scheme" <<'JS' || exit 2
const fs = require('fs');
const YAML = require('yaml');
const [src, dest, address, scheme] = process.argv.slice(2);
const repo = YAML.parse(fs.readFileSync(src, 'utf8'));
const job = repo.scrape_configs.find((j) => j.job_name === 'cms');
if (!job) { console.error('ops/prometheus/prometheus.yml has no cms job'); process.exit(1); }
job.scheme = scheme;
job.scrape_interval = '2s';
job.scrape_timeout = '2s';
// The repository finds the replicas by DNS (compose's `cms` name); here there is one CMS at a
// known address, so whatever discovery the job uses is swapped for that one static target, keeping
// its labels, path, auth and relabelling.
const labels = Object.assign({}, ...(job.static_configs || []).map((s) => s.labels || {}));
for (const key of Object.keys(job)) if (key.endsWith('_sd_configs')) delete job[key];
job.static_configs = [{ targets: [address], ...(Object.keys(labels).length ? { labels } : {}) }];
const config = {
  global: { ...repo.global, scrape_interval: '2s', evaluation_interval: '2s', scrape_timeout: '2s' },
  rule_files: repo.rule_files,
  scrape_configs: [job],
};
fs.writeFileSync(dest, YAML.stringify(config));
JS

echo "Prometheus $(prometheus --version 2>&1 | head -1 | cut -d' ' -f3) on 127.0.0.1:$port scraping $scheme://$address$(grep -m1 'metrics_path' "$work/prometheus.yml" | awk '{print $2}')"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$port" >"$work/prometheus.log" 2>&1 &
prom_pid=$!

api="http://127.0.0.1:$port/api/v1"
deadline=$((SECONDS + timeout))
health=unknown
last_error=
while [ "$SECONDS" -lt "$deadline" ]; do
  if ! kill -0 "$prom_pid" 2>/dev/null; then
    echo "Prometheus exited:" >&2
    tail -n 20 "$work/prometheus.log" >&2
    exit 2
  fi
  targets=$(curl --silent --max-time 2 "$api/targets?state=active" || true)
  if [ -n "$targets" ]; then
    read -r health last_error < <(printf '%s' "$targets" | node -e '
      let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
        const t = (JSON.parse(s).data?.activeTargets || []).find((x) => x.labels?.job === "cms");
        console.log(`${t?.health || "unknown"} ${(t?.lastError || "").replace(/\s+/g, " ")}`);
      });')
    [ "$health" = "up" ] && break
  fi
  sleep 1
done

query=$(curl --silent --max-time 2 --get --data-urlencode 'query=up{job="cms"}' "$api/query" || true)
echo "up{job=\"cms\"}: $(printf '%s' "$query" | node -e '
  let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
    try { const r = JSON.parse(s).data.result; console.log(r.map((x) => `${x.metric.instance}=${x.value[1]}`).join(" ") || "no sample"); }
    catch { console.log("no answer"); }
  });')"

if [ "$health" = "up" ]; then
  echo "PASS: Prometheus finds the CMS at $address up"
  exit 0
fi
echo "FAIL: the CMS target at $address is ${health} after ${timeout}s${last_error:+ (last error: $last_error)}"
exit 1
