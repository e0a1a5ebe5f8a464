#!/usr/bin/env bash
# Whole-process figures for the README (the criterion benchmark
# `cargo bench --bench batch` gives the in-process throughput and the
# ratio to a bare serde_json parse):
#   - decisions per second, batch JSONL → JSONL and CSV → CSV, on an
#     inventory made of every path of the built-in trees, repeated;
#   - peak memory (RSS) on a million lines;
#   - instructions of one whole-process decision from an answers file
#     (valgrind --tool=callgrind: repeatable on a noisy machine);
#   - instructions of 10 000 inventory lines, whole process, against their
#     floors (examples/batch_floor.rs): JSONL against a bare
#     serde_json::Value parse, XLSX against calamine alone.
# Needs python3 (to write the inventories), GNU time and valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${LINES:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --locked --quiet --bin aiguillage --example batch_floor
bin=target/release/aiguillage
floor=target/release/examples/batch_floor
"$bin" paths --format json > "$work/paths.json"

python3 - "$work" "$lines" <<'PY'
import json, sys
work, lines = sys.argv[1], int(sys.argv[2])
paths = json.load(open(f"{work}/paths.json"))
columns = sorted({k for p in paths for k in p["answers"]})
def cell(v):
    if isinstance(v, bool):
        return "oui" if v else "non"
    return str(v)
def write(name, lines):
    with open(f"{work}/{name}.jsonl", "w") as j, open(f"{work}/{name}.csv", "w") as c:
        c.write(";".join(["id"] + columns) + "\n")
        for i in range(lines):
            p = paths[i % len(paths)]["answers"]
            j.write(json.dumps({"id": i, "answers": p}, ensure_ascii=False, separators=(",", ":")) + "\n")
            c.write(";".join([str(i)] + [cell(p[k]) if k in p else "" for k in columns]) + "\n")
write("inventory", lines)
write("small", 10000)
print(f"{len(paths)} distinct paths, {lines} lines", file=sys.stderr)
PY

measure() { # label, then the command
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr"
  read -r seconds kb < "$work/time"
  python3 -c "import sys; s=float(sys.argv[1]); n=int(sys.argv[2]); print(f'{sys.argv[4]}: {n/s:,.0f} decisions/s ({s} s), peak RSS {int(sys.argv[3])/1024:.1f} MiB')" \
    "$seconds" "$lines" "$kb" "$label"
}
measure "batch jsonl → jsonl" "$bin" batch "$work/inventory.jsonl"
measure "batch csv → csv" "$bin" batch --format csv "$work/inventory.csv"

# A scenario file holds its expected result too: keep its answers only.
python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); json.dump({"questionnaire": v["questionnaire"], "answers": v["answers"]}, open(sys.argv[2], "w"))' \
  tests/scenarios/A3.json "$work/a3.json"
for format in text json; do
  valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bin" --answers "$work/a3.json" --format "$format" \
    > /dev/null 2> "$work/valgrind"
  echo "one decision (case A3, --format $format): $(grep -oP 'Collected : \K[0-9]+' "$work/valgrind") instructions"
done
valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$bin" --version > /dev/null 2> "$work/valgrind"
echo "process floor (--version): $(grep -oP 'Collected : \K[0-9]+' "$work/valgrind") instructions"

# 10 000 lines, whole process: batch against its floors.
"$floor" toxlsx "$work/small.csv" "$work/small.xlsx"
instructions() { # label, then the command
  local label=$1; shift
  valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$@" > /dev/null 2> "$work/valgrind"
  echo "$label: $(grep -oP 'Collected : \K[0-9]+' "$work/valgrind") instructions"
}
instructions "10 000 lines, bare serde_json::Value parse" "$floor" value "$work/small.jsonl"
instructions "10 000 lines, batch jsonl → jsonl" "$floor" batch "$work/small.jsonl"
instructions "10 000 lines, batch csv → csv" "$floor" csv "$work/small.csv"
instructions "10 000 rows, calamine alone (open + worksheet_range)" "$floor" calamine "$work/small.xlsx"
instructions "10 000 rows, batch xlsx → jsonl" "$floor" batch "$work/small.xlsx"
