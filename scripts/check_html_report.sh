#!/usr/bin/env bash
# Open the HTML report in a real browser (Debian's headless Chromium):
#  - the DOM it builds has the tables and the inline SVG charts,
#  - a screenshot for the docs (docs/laporan-contoh.png),
#  - printing to PDF gives A4 pages.
# Needs: apt-get install chromium poppler-utils   (run from the repository root, ikutool installed)
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
iku report --format html --out "$work/laporan.html" --bidang "${1:-UKM}"

browser=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$work/profile" --hide-scrollbars)

"${browser[@]}" --dump-dom "file://$work/laporan.html" > "$work/dom.html" 2>/dev/null
svgs=$(grep -o "<svg" "$work/dom.html" | wc -l)
tables=$(grep -o "<table" "$work/dom.html" | wc -l)
echo "DOM: $svgs svg, $tables table"
[ "$svgs" -ge 2 ] && [ "$tables" -ge 2 ] || { echo "report DOM incomplete" >&2; exit 1; }

"${browser[@]}" --window-size=1200,1600 --screenshot="docs/laporan-contoh.png" "file://$work/laporan.html" 2>/dev/null
echo "screenshot: docs/laporan-contoh.png"

"${browser[@]}" --no-pdf-header-footer --print-to-pdf="$work/laporan.pdf" "file://$work/laporan.html" 2>/dev/null
if command -v pdfinfo >/dev/null; then
  pdfinfo "$work/laporan.pdf" | grep -E "Pages|Page size"
  pdfinfo "$work/laporan.pdf" | grep -q "(A4)" || { echo "not A4" >&2; exit 1; }
fi
