#!/usr/bin/env bash
# Pack "JCM PDD Studio.app" into a compressed DMG with an Applications link (drag to install).
#   packaging/macos/make_dmg.sh DIST_DIR OUT.dmg
set -euo pipefail
dist=$1 out=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$dist/JCM PDD Studio.app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "JCM PDD Studio" -srcfolder "$stage" -ov -format UDZO "$out"
