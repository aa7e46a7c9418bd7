#!/usr/bin/env bash
# peer-bench's nested shape: Fleetgate's bench/peer-nested.graphql (DC/OS clusters, each with
# its hosts) next to the hand-written aggregator's POST /graphql/nested (the same 1 + N calls),
# on peer-bench's own stub vendors, aggregator and Fleetgate config. The shared run.sh measures
# the flat shape only (its query and aggregator route are fixed), so this script starts the same
# three processes and measures the same way. Run from the project root:
#   bash bench/peer-nested.sh            # PEER_BENCH=../shared/peer-bench by default
# Env as run.sh: CONNECTIONS=50 DURATION=10 WARMUP=3 STUB_CLUSTERS=20 STUB_LATENCY_MS=2
set -euo pipefail
ROOT=$PWD
PEER=$(cd "${PEER_BENCH:-$ROOT/../shared/peer-bench}" && pwd)
[ -x node_modules/.bin/autocannon ] || { echo "run from the project root after npm ci" >&2; exit 1; }
CONNECTIONS=${CONNECTIONS:-50}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-3}
export STUB_CLUSTERS=${STUB_CLUSTERS:-20} STUB_LATENCY_MS=${STUB_LATENCY_MS:-2} STUB_PORT_BASE=4101 STUB_HOST=127.0.0.1
OUT=$(mktemp -d); PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for p in 4101 4102 4103 4104 4105 4200 4300; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use" >&2; exit 1; fi
done
mkdir -p node_modules/.peer-bench && cp "$PEER/raw-aggregator.mjs" node_modules/.peer-bench/raw-aggregator.mjs
node "$PEER/stub.mjs" > "$OUT/stub.log" 2>&1 & PIDS+=($!)
RAW_PORT=4200 node node_modules/.peer-bench/raw-aggregator.mjs > "$OUT/raw.log" 2>&1 & RAW_PID=$!; PIDS+=($RAW_PID)
PORT=4300 FG_TOKEN=peer-bench-token FG_USER=admin FG_PASS=admin node --import tsx src/main.ts --config "$PEER/stub.yaml" > "$OUT/fleetgate.log" 2>&1 & FG_PID=$!; PIDS+=($FG_PID)
for _ in $(seq 1 300); do curl -fsS -o /dev/null http://127.0.0.1:4300/readyz 2>/dev/null && curl -fsS -o /dev/null -X POST http://127.0.0.1:4200/graphql/nested 2>/dev/null && break; sleep 0.2; done
node -e 'const fs=require("fs");process.stdout.write(JSON.stringify({query:fs.readFileSync(process.argv[1],"utf8")}))' bench/peer-nested.graphql > "$OUT/fg.json"
echo '{}' > "$OUT/raw.json"
check=$(curl -fsS -X POST -H 'content-type: application/json' -H 'authorization: Bearer peer-bench-token' --data @"$OUT/fg.json" http://127.0.0.1:4300/graphql | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);const e=j.data.clusters.edges;console.log(j.errors?"errors: "+JSON.stringify(j.errors).slice(0,300):(e.length+" clusters, "+e.reduce((n,x)=>n+x.node.hosts.edges.length,0)+" hosts"))})')
echo "fleetgate answers: $check (expected $STUB_CLUSTERS DC/OS clusters with their hosts)"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
measure() { # name url pid body [header]
  local AC=(node_modules/.bin/autocannon -c "$CONNECTIONS" -m POST -H 'content-type=application/json' -i "$4")
  [ -n "${5:-}" ] && AC+=(-H "$5")
  "${AC[@]}" -d "$WARMUP" --json "$2" > /dev/null 2>&1
  curl -fsS "http://127.0.0.1:4103/__stats?reset=1" > /dev/null
  local t0; t0=$(ticks "$3")
  "${AC[@]}" -d "$DURATION" --json "$2" > "$OUT/$1.json" 2>/dev/null
  echo "$(( $(ticks "$3") - t0 ))" > "$OUT/$1.cpu"
  curl -fsS "http://127.0.0.1:4103/__stats" > "$OUT/$1.stats"
}
measure raw http://127.0.0.1:4200/graphql/nested "$RAW_PID" "$OUT/raw.json"
measure fleetgate http://127.0.0.1:4300/graphql "$FG_PID" "$OUT/fg.json" 'authorization=Bearer peer-bench-token'
node -e '
const fs=require("fs"),[dir,hz]=process.argv.slice(1);
const row=(n)=>{const a=JSON.parse(fs.readFileSync(`${dir}/${n}.json`)),st=JSON.parse(fs.readFileSync(`${dir}/${n}.stats`)),cpu=+fs.readFileSync(`${dir}/${n}.cpu`,"utf8");const done=a.requests.total;return{n,rps:a.requests.average,p50:a.latency.p50,p99:a.latency.p99,non2xx:a.non2xx,cpu:cpu*1000/hz/done,calls:st.total/done};};
const r=[row("raw"),row("fleetgate")];
console.log("nested     req/s   p50 ms  p99 ms  non2xx  cpu ms/req  DC/OS calls/req");
for(const x of r)console.log(`${x.n.padEnd(10)}${x.rps.toFixed(1).padStart(7)}${String(x.p50).padStart(9)}${String(x.p99).padStart(8)}${String(x.non2xx).padStart(8)}${x.cpu.toFixed(2).padStart(12)}${x.calls.toFixed(2).padStart(17)}`);
console.log(`ratio fleetgate/raw: req/s ${(r[1].rps/r[0].rps).toFixed(3)}, cpu per request ${(r[1].cpu/r[0].cpu).toFixed(2)}x`);
' "$OUT" "$HZ"
