#!/usr/bin/env bash
# Frozen smoke test: build with PyInstaller, then open the sample headless, calculate, export, exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
pip install pyinstaller >/dev/null
pyinstaller packaging/jcm_pdd.spec --noconfirm --distpath build/frozen --workpath build/pyi >/dev/null
app=build/frozen/jcm-pdd/jcm-pdd
out=$(mktemp -d)
"$app" info resources/samples/mongolia-solar-pv.jcmpdd
"$app" calc resources/samples/mongolia-solar-pv.jcmpdd
"$app" export resources/samples/mongolia-solar-pv.jcmpdd --out "$out"
ls "$out"
echo "frozen smoke test: ok"
