#!/usr/bin/env bash
# Fixtures stage: the repository's fixtures/ is a verbatim copy of the public shared fixtures.
# Wherever ../shared/fixtures exists beside the clone, the two trees must be byte-identical
# (fixtures/README.md is the copy's own note and is the only extra file allowed).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="../shared/fixtures"
test -f fixtures/signature_vectors.json || { echo "fixtures/ is missing from the repository" >&2; exit 1; }
if [ ! -d "$shared" ]; then
  echo "fixtures: $shared not present; using the repository's copy as it is"
  exit 0
fi
if ! diff -r --exclude=README.md "$shared" fixtures; then
  echo "fixtures/ differs from $shared: the copy is never edited to fit the code" >&2
  exit 1
fi
echo "fixtures: identical to $shared ($(find fixtures -type f ! -name README.md | wc -l) files)"
