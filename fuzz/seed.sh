#!/usr/bin/env bash
# Seeds each target's corpus (fuzz/corpus/<target>, not committed) from the
# project's example specs, the hostile ones in seeds/specs (text that breaks
# out of comments and strings, chains, loops, merge keys, CR-only lines),
# the shared corpus's documents under 64 KiB, and seeds/validate for the
# validation target.
set -euo pipefail
cd "$(dirname "$0")"
shared="${SPECWRIGHT_CORPUS:-../../shared/corpus}"
mapfile -t docs < <( { ls ../specs/*.yaml seeds/specs/*; find "$shared" -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' \) -size -64k; } )
for target in load refs types diff lower validate; do
  mkdir -p "corpus/$target"
done
cp seeds/validate/* corpus/validate/
for doc in "${docs[@]}"; do
  name="$(echo "$doc" | md5sum | cut -c1-16)"
  cp "$doc" "corpus/load/$name"
  cp "$doc" "corpus/types/$name"
  cp "$doc" "corpus/refs/$name"
  # An old and a new version: the document and itself, for mutations to tell apart.
  { cat "$doc"; printf '\0'; cat "$doc"; } > "corpus/diff/$name"
  # `lower` takes JSON values and sets them into documents of its own.
  case "$doc" in *.json) cp "$doc" "corpus/lower/$name" ;; esac
done
echo "seeded ${#docs[@]} documents per target"
