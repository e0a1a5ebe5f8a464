#!/usr/bin/env bash
# Load figures for `aiguillage serve` (README « Vitesse et mémoire »,
# docs/serve.md), against the release binary on loopback:
#   - decisions per second and latency percentiles at 1, 50 and 500
#     concurrent clients (wrk, Debian's), each client asking the decision
#     page of case A3 — the whole page: brief, detail, what would change
#     the result, references;
#   - the server's memory (RSS) before the load and after it, once it has
#     answered at least 100 000 requests;
#   - the instructions of one request, whole server (valgrind
#     --tool=callgrind: the server asked N decision pages, less the same
#     server started and stopped with none, divided by N), against one
#     `aiguillage --answers` run of the same case.
# On a 2-core machine the load generator and the server share the cores:
# read the ratios, not the absolute values. Needs wrk, valgrind, curl and
# python3. DURATION (seconds per level, default 15) and REQUESTS (for
# callgrind, default 200) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-15}
requests=${REQUESTS:-200}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

cargo build --release --locked --quiet
bin=target/release/aiguillage

# Case A3 as an answers file and as a query string.
python3 - tests/scenarios/A3.json "$work" <<'PY'
import json, sys, urllib.parse
v = json.load(open(sys.argv[1]))
json.dump({"questionnaire": v["questionnaire"], "answers": v["answers"]}, open(f"{sys.argv[2]}/a3.json", "w"))
def value(x):
    return ("true" if x else "false") if isinstance(x, bool) else str(x)
pairs = [("questionnaire", v["questionnaire"])] + [(k, value(x)) for k, x in v["answers"].items()]
open(f"{sys.argv[2]}/query", "w").write(urllib.parse.urlencode(pairs))
PY

# Starts `$@ serve` on a free port; sets $server (its pid) and $base.
start() {
  : > "$work/out"
  "$@" serve --addr 127.0.0.1:0 > "$work/out" 2> "$work/err" &
  server=$!
  pids+=("$server")
  for _ in $(seq 600); do
    grep -q "http://" "$work/out" && break
    sleep 0.1
  done
  base=$(grep -oP 'http://\S+' "$work/out" | sed 's:/$::')
}

start "$bin"
url="$base/?$(cat "$work/query")"
test "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
before=$(rss)
total=0
echo "clients | decisions/s | p50 | p90 | p99 | requests | RSS after"
for clients in 1 50 500; do
  threads=$(( clients < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$clients" -d"${duration}s" --latency "$url" > "$work/wrk"
  if grep -q "Non-2xx" "$work/wrk"; then
    echo "errors at $clients clients:" >&2
    cat "$work/wrk" >&2
    exit 1
  fi
  rate=$(grep -oP 'Requests/sec:\s+\K[0-9.]+' "$work/wrk")
  count=$(grep -oP '^\s*\K[0-9]+(?= requests in)' "$work/wrk")
  p() { grep -oP "^\s+$1%\s+\K\S+" "$work/wrk"; }
  total=$(( total + count ))
  echo "$clients | $rate | $(p 50) | $(p 90) | $(p 99) | $count | $(rss) KiB"
done
# More of the same until 100 000 requests at least: memory stays flat.
while [ "$total" -lt 100000 ]; do
  wrk -t2 -c50 -d"${duration}s" "$url" > "$work/wrk"
  total=$(( total + $(grep -oP '^\s*\K[0-9]+(?= requests in)' "$work/wrk") ))
done
wrk -t2 -c50 -d"${duration}s" "$url" > "$work/wrk"
total=$(( total + $(grep -oP '^\s*\K[0-9]+(?= requests in)' "$work/wrk") ))
after=$(rss)
echo "memory (RSS): $before KiB before, $after KiB after $total requests"
kill "$server"
wait "$server" 2>/dev/null || true

# Instructions: the server with no request, then with $requests.
instructions() { grep -oP 'Collected : \K[0-9]+' "$1"; }
served() { # how many requests
  start valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bin"
  local page="$base/?$(cat "$work/query")"
  for _ in $(seq "$1"); do
    test "$(curl -s -o /dev/null -w '%{http_code}' "$page")" = 200
  done
  kill -TERM "$server"
  wait "$server" 2>/dev/null || true
  instructions "$work/err"
}
none=$(served 0)
some=$(served "$requests")
per=$(( (some - none) / requests ))
echo "one request (decision page of A3), whole server: $per instructions (server started and stopped: $none)"
for format in text json; do
  valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bin" --answers "$work/a3.json" --format "$format" \
    > /dev/null 2> "$work/valgrind"
  cli=$(instructions "$work/valgrind")
  python3 -c "import sys; print(f'one --answers run (--format {sys.argv[1]}): {int(sys.argv[2])} instructions; a request costs {int(sys.argv[3])/int(sys.argv[2]):.2f} of it')" \
    "$format" "$cli" "$per"
done
