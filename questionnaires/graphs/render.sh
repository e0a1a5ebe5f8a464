#!/bin/sh
# Regenerates the pictures of the built-in questionnaires: for each one,
# <id>.dot (the output of `aiguillage graph <id> --format dot`, compared
# with the program by `cargo test --test tools`) and <id>.svg (shown in
# the README). Needs Graphviz's `dot`; CI does not.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."

command -v dot >/dev/null 2>&1 || {
    echo "render.sh : Graphviz est nécessaire (commande « dot »)" >&2
    exit 2
}

cargo build --quiet
for file in questionnaires/*.toml; do
    case "$(basename "$file")" in
        articles.toml | glossaire.toml) continue ;;
    esac
    id=$(sed -n 's/^id = "\(.*\)"$/\1/p' "$file" | head -n 1)
    cargo run --quiet -- graph "$id" --format dot >"$here/$id.dot"
    dot -Tsvg "$here/$id.dot" -o "$here/$id.svg"
    echo "$here/$id.svg"
done
