#!/usr/bin/env bash
# Writes the seed corpus of each fuzz target (fuzz/corpus/*/seed-*) from
# the scenarios and the fixtures. The seeds are committed; what libFuzzer
# adds next to them is not (fuzz/.gitignore). Needs jq.
set -euo pipefail
cd "$(dirname "$0")"
root=..
rm -f corpus/*/seed-*
mkdir -p corpus/answers corpus/questionnaire corpus/session corpus/batch corpus/query corpus/documents

# answers: each scenario as an answers file, and the answers fixtures.
for f in "$root"/tests/scenarios/*.json; do
  jq '{questionnaire, answers}' "$f" > "corpus/answers/seed-$(basename "$f")"
done
for f in "$root"/tests/fixtures/answers/*.json; do
  cp "$f" "corpus/answers/seed-fixture-$(basename "$f")"
done

# questionnaire: every questionnaire file, built-in and fixtures.
for f in "$root"/questionnaires/*.toml "$root"/tests/fixtures/*/*.toml; do
  name=$(echo "${f#"$root"/}" | tr '/' '-')
  cp "$f" "corpus/questionnaire/seed-$name"
done

# session: the first byte picks the tree (built-in, arbre, compte, demo)
# and the prompter (high bit: plain mode, typed lines); then the moves.
for tree in 0 1 2 3; do
  printf "\\x$(printf %02x "$tree")\\x02\\x02\\x12\\x02\\x0a\\x05\\x02\\x00\\x01\\x02\\x03\\x00" > "corpus/session/seed-script-$tree"
  printf "\\x$(printf %02x $((tree + 128)))1\\n?\\n2\\n<\\n1\\n60\\n12,5\\ntexte\\n1\\n\\n" > "corpus/session/seed-plain-$tree"
done

# batch: the scenarios as JSON Lines, and a CSV of a few cases.
jq -c '{id: .scenario, questionnaire, answers}' "$root"/tests/scenarios/*.json |
  sed '1s/^/\x01/' > corpus/batch/seed-scenarios.jsonl
printf '\x02type_ressource;donnees_organisme;donnees_etp\ndonnees;etat;49\ndonnees;etat;50\ndonnees;aucun;\n' \
  > corpus/batch/seed-cases.csv

# query: each scenario's answers as the query string of aiguillage serve.
for f in "$root"/tests/scenarios/*.json; do
  jq -r '[(if .questionnaire then "questionnaire=\(.questionnaire)" else empty end)] + [.answers | to_entries[] | "\(.key)=\(.value | tostring | @uri)"] | join("&")' "$f" > "corpus/query/seed-$(basename "$f" .json)"
done

# documents: the scenarios with fields, some hostile (escapes, formulas).
for f in "$root"/tests/scenarios/*.json; do
  jq '{questionnaire, answers, fields: {organisme: "=HYPERLINK(\"x\")", service: "\u001b[31m+cmd", nom_traitement: "Nom", finalite: "-2+3 \u202e", contact: "@SUM(1)"}}' \
    "$f" > "corpus/documents/seed-$(basename "$f")"
done
