#!/usr/bin/env bash
# The README's quick start, checked over HTTP: `npm start` on a fresh data folder, then the admin login page,
# published demo products over REST and GraphQL, and the demo merchandiser editing a product. Stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
cms=${CMS_PORT:-8000}
storefront=${STOREFRONT_PORT:-3000}
base="http://127.0.0.1:$cms"
log=$(mktemp)
export DATA_DIR=${SMOKE_DATA_DIR:-$(mktemp -d)}
export MEDIA_DIR="$DATA_DIR/media"
fail() { echo "SMOKE FAIL: $*"; echo "--- last lines of npm start:"; tail -n 60 "$log"; exit 1; }

setsid npm start >"$log" 2>&1 &
pid=$!
stop() { kill -TERM -- -"$pid" 2>/dev/null || true; sleep 2; kill -KILL -- -"$pid" 2>/dev/null || true; }
trap stop EXIT

echo "Waiting for the CMS on $base (builds on first start)…"
for _ in $(seq 1 900); do
  curl -sf -o /dev/null "$base/api/products?limit=1" && break
  kill -0 "$pid" 2>/dev/null || fail "npm start exited"
  sleep 1
done
curl -sf -o /dev/null "$base/api/products?limit=1" || fail "the CMS did not answer within 15 minutes"

admin=$(curl -sfL "$base/admin") || fail "/admin did not answer"
grep -qi "login" <<<"$admin" || fail "/admin did not lead to the login page"
echo "ok  /admin answers with the login page"

count=$(curl -sf "$base/api/products?limit=5&depth=0" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(j.docs.filter(d=>d._status==="published").length+" "+j.totalDocs)})')
[ "${count%% *}" = 5 ] || fail "/api/products did not list published demo products ($count)"
echo "ok  /api/products lists published demo products (total ${count##* })"

gql=$(curl -sf -H 'content-type: application/json' -d '{"query":"{ Products(limit: 5) { docs { title slug price } } }"}' "$base/api/graphql")
node -e 'const j=JSON.parse(process.argv[1]);if(j.errors||j.data.Products.docs.length!==5||!j.data.Products.docs.every(d=>d.title&&d.slug&&Number.isInteger(d.price)))process.exit(1)' "$gql" || fail "GraphQL answered $gql"
echo "ok  GraphQL { Products(limit: 5) { docs { title slug price } } }"

token=$(curl -sf -H 'content-type: application/json' -d '{"email":"merch@ipswich-retail.test","password":"ipswich-merch-demo"}' "$base/api/users/login" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))') || fail "the demo merchandiser could not log in"
id=$(curl -sf "$base/api/products?limit=1&depth=0" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).docs[0].id))')
status=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "authorization: JWT $token" -H 'content-type: application/json' -d '{"seo":{"title":"Edited by the smoke test"}}' "$base/api/products/$id")
[ "$status" = 200 ] || fail "the demo merchandiser could not edit product $id (HTTP $status)"
echo "ok  the demo merchandiser logs in and edits a product"

if [ -f ops/prometheus-smoke.sh ]; then
  bash ops/prometheus-smoke.sh "$base" || fail "Prometheus with the repository's scrape configuration did not find the CMS target up"
  echo "ok  Prometheus (ops/prometheus/prometheus.yml) scrapes the running CMS: target up"
fi

if [ -f storefront/next.config.mjs ] || [ -f storefront/next.config.ts ]; then
  for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$storefront/" && break; sleep 1; done
  curl -sf -o /dev/null "http://127.0.0.1:$storefront/" || fail "the storefront did not answer on :$storefront"
  echo "ok  the storefront answers on :$storefront"
fi
echo "Quick start smoke test passed"
