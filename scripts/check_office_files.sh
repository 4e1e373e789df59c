#!/usr/bin/env bash
# Open every Office file ikutool writes in LibreOffice (headless) on the bundled sample:
#  - the LKjIP Word document converts to PDF (A4 pages), and a page image for the docs;
#  - the report workbook converts to PDF and survives a LibreOffice xlsx -> xlsx round trip.
# Needs: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
# Run from the repository root, with ikutool installed. Usage: scripts/check_office_files.sh [TAHUN]
set -euo pipefail
year="${1:-2019}"
repo="$(pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
iku init --contoh ws >/dev/null 2>&1
cd ws
iku lkjip --tahun "$year" --format docx --out "$work/lkjip.docx" 2>/dev/null
iku report --format xlsx --out "$work/laporan.xlsx" 2>/dev/null
office=(soffice --headless --norestore "-env:UserInstallation=file://$work/profile")
"${office[@]}" --convert-to pdf --outdir "$work" "$work/lkjip.docx" >/dev/null 2>&1
"${office[@]}" --convert-to pdf --outdir "$work" "$work/laporan.xlsx" >/dev/null 2>&1
for pdf in lkjip laporan; do
  [ -s "$work/$pdf.pdf" ] || { echo "LibreOffice could not convert $pdf" >&2; exit 1; }
  if command -v pdfinfo >/dev/null; then
    echo "$pdf.pdf: $(pdfinfo "$work/$pdf.pdf" | grep -E '^Pages' | tr -s ' ') $(pdfinfo "$work/$pdf.pdf" | grep -E '^Page size' | tr -s ' ')"
  fi
done
if command -v pdfinfo >/dev/null; then
  pdfinfo "$work/lkjip.pdf" | grep -q "(A4)" || { echo "LKjIP is not A4" >&2; exit 1; }
fi
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 70 -f 3 -l 3 "$work/lkjip.pdf" "$work/page"
  cp "$work"/page-*3.png "$repo/docs/lkjip-contoh.png" && echo "page image: docs/lkjip-contoh.png"
fi
mkdir -p "$work/lo"
"${office[@]}" --convert-to xlsx --outdir "$work/lo" "$work/laporan.xlsx" >/dev/null 2>&1
[ -s "$work/lo/laporan.xlsx" ] && echo "laporan.xlsx: LibreOffice round trip ok"
