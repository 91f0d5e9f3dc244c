#!/usr/bin/env bash
# Hashes the output of a fixed list of commands, a line each (the hashes
# of standard output and error, the exit status, the command), so that two
# binaries can be compared byte for byte after a change that must not
# change what they print:
#
#   scripts/hashes.sh BINARY DIR > before.txt   # e.g. a build of main
#   scripts/hashes.sh BINARY DIR > after.txt
#   diff before.txt after.txt
#
# Besides the repository's own stores (events/; tests/data/hashes: every/,
# a hand-written TOML store with every field — ranges, open ends,
# qualified dates, roles, spans and triggers, discrepancies, escapes, ids,
# names, places and quotes longer than 24 bytes and not ASCII — bad/, the
# same with errors and a cycle, cyc/, valid but for a cycle) and articles
# (tests/data/articles, the seed article, the first 40 of the Egypt batch
# of ../shared), it reads synthetic stores kept in DIR, written there
# when missing: s100k.jsonl and s100k-20k.jsonl (`synthetic_store.py
# 100000 jsonl [--sources 20000]`). With LARGE=1 it also hashes check,
# json, md and dot of s1m.jsonl and check of s100k-back.jsonl and
# s1m-back.jsonl (`--back-link`), written too when missing.
set -u
bin=$(realpath "$1")
dir=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$repo" || exit 2
mkdir -p "$dir"
# synthetic NAME ARGS...: DIR/NAME, written by synthetic_store.py if missing.
synthetic() {
    local name=$1
    shift
    [ -f "$dir/$name" ] || python3 scripts/synthetic_store.py "$@" >"$dir/$name"
}
synthetic s100k.jsonl 100000 jsonl
synthetic s100k-20k.jsonl 100000 jsonl --sources 20000

# run COMMAND...: a hash of its standard output and of its standard error,
# and its exit status.
run() {
    "$@" >"$tmp/out" 2>"$tmp/err"
    report $? "$*"
}
# stdin FILE COMMAND...: the same with FILE on standard input.
stdin() {
    local file=$1
    shift
    "$@" <"$file" >"$tmp/out" 2>"$tmp/err"
    report $? "$* < $(basename "$file")"
}
report() {
    printf '%s %s  %s  %s\n' "$(sha256sum <"$tmp/out" | cut -c1-16)" \
        "$(sha256sum <"$tmp/err" | cut -c1-8)" "$1" "annals ${2#"$bin "}"
}
# tree DIR: one hash of every file below DIR, names and contents.
tree() {
    (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
}

small_store() {
    local store=$1 id=$2
    for format in md text json jsonl csv timelinejs; do
        run "$bin" timeline --format "$format" "$store"
    done
    run "$bin" timeline --top 3 "$store"
    run "$bin" check "$store"
    run "$bin" dot "$store"
    run "$bin" dot --layout months "$store"
    run "$bin" dot --top 3 "$store"
    run "$bin" brief --format md "$store"
    run "$bin" brief --format json "$store"
    run "$bin" why "$id" "$store"
    run "$bin" impact "$id" "$store"
}
small_store events 2020-09-rocket-attacks-on-us-embassy-intensify
small_store tests/data/hashes/every army-deploys
run "$bin" check tests/data/hashes/bad
run "$bin" check tests/data/hashes/cyc

for article in tests/data/articles/* examples/2020-09-29-us-iraq-embassy-evacuation.txt; do
    run "$bin" extract "$article"
    run "$bin" extract --format json "$article"
done
egypt="$dir/egypt40.jsonl"
head -40 ../shared/data/t17/egypt/docs.jsonl >"$egypt"
run "$bin" extract --docs "$egypt"
cd "$tmp" || exit 2
run "$bin" extract --docs "$egypt" --out egypt
printf '%s  %s\n' "$(tree egypt)" "the folder it wrote"
run "$bin" merge egypt
cd "$repo" || exit 2

for store in "$dir/s100k.jsonl" "$dir/s100k-20k.jsonl"; do
    for format in md json jsonl csv; do
        stdin "$store" "$bin" timeline --format "$format" -
    done
    stdin "$store" "$bin" check -
    stdin "$store" "$bin" dot -
    stdin "$store" "$bin" dot --top 50 -
    stdin "$store" "$bin" brief -
done

if [ "${LARGE:-0}" = 1 ]; then
    synthetic s100k-back.jsonl 100000 jsonl --back-link
    synthetic s1m-back.jsonl 1000000 jsonl --back-link
    synthetic s1m.jsonl 1000000 jsonl
    stdin "$dir/s100k-back.jsonl" "$bin" check -
    stdin "$dir/s1m-back.jsonl" "$bin" check -
    stdin "$dir/s1m.jsonl" "$bin" check -
    for format in json md; do
        stdin "$dir/s1m.jsonl" "$bin" timeline --format "$format" -
    done
    stdin "$dir/s1m.jsonl" "$bin" dot -
fi
