#!/bin/sh
# Remove what install.sh put in place (same --prefix); your projects and settings stay.
set -eu
prefix="$HOME/.local"
[ "${1:-}" = "--prefix" ] && prefix="$2"
case "${1:-}" in --prefix=*) prefix="${1#--prefix=}" ;; esac
if [ "$prefix" = "$HOME/.local" ]; then data="${XDG_DATA_HOME:-$HOME/.local/share}"; else data="$prefix/share"; fi
app_id=org.jcmpdd.PddStudio
rm -rf "$prefix/lib/jcm-pdd-studio"
[ -L "$prefix/bin/jcm-pdd" ] && rm -f "$prefix/bin/jcm-pdd"
rm -f "$data/applications/$app_id.desktop" "$data/mime/packages/$app_id.xml" "$data/metainfo/$app_id.metainfo.xml"
find "$data/icons/hicolor" \( -name "$app_id.*" -o -name 'application-vnd.jcm-pdd*' \) -delete 2>/dev/null || true
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" 2>/dev/null || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "JCM PDD Studio removed from $prefix"
