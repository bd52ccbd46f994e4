#!/bin/sh
# Install JCM PDD Studio for the current user (no root): run from the unpacked tarball.
#   ./install.sh [--prefix DIR]      (default: ~/.local; set XDG_DATA_HOME to move the menu entry)
# Puts the app in PREFIX/lib/jcm-pdd-studio, a `jcm-pdd` command in PREFIX/bin, the menu entry,
# icons, the three file types (with their magic) and the AppStream metadata in the data folder,
# then refreshes the desktop's caches when their tools exist. ./uninstall.sh removes it all.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
if [ "$prefix" = "$HOME/.local" ]; then data="${XDG_DATA_HOME:-$HOME/.local/share}"; else data="$prefix/share"; fi
app_id=org.jcmpdd.PddStudio
appdir="$prefix/lib/jcm-pdd-studio"

[ -x "$here/jcm-pdd/jcm-pdd" ] || { echo "install.sh: run it from the unpacked tarball" >&2; exit 1; }
mkdir -p "$prefix/lib" "$prefix/bin" "$data/applications" "$data/mime/packages" "$data/metainfo" "$data/icons"
rm -rf "$appdir.new"
cp -R "$here/jcm-pdd" "$appdir.new"
rm -rf "$appdir"
mv "$appdir.new" "$appdir"   # an interrupted install never leaves half an app in place
ln -sfn "$appdir/jcm-pdd" "$prefix/bin/jcm-pdd"
# The menu entry starts the app by its full path: PREFIX/bin need not be on PATH.
sed -e "s|^Exec=jcm-pdd|Exec=\"$appdir/jcm-pdd\"|" -e "s|^TryExec=jcm-pdd|TryExec=$appdir/jcm-pdd|" \
  "$here/share/applications/$app_id.desktop" > "$data/applications/$app_id.desktop"
cp "$here/share/mime/packages/$app_id.xml" "$data/mime/packages/"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$data/metainfo/"
cp -R "$here/share/icons/hicolor" "$data/icons/"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" 2>/dev/null || true
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$data/applications" || true
elif [ ! -e "$data/applications/mimeinfo.cache" ]; then
  # GLib finds the app for a file type through this cache; write the one entry it needs.
  { echo "[MIME Cache]"
    for t in application/vnd.jcm-pdd+zip application/vnd.jcm-pdd.package+zip application/vnd.jcm-pdd.review+json; do
      echo "$t=$app_id.desktop;"
    done; } > "$data/applications/mimeinfo.cache"
fi
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "JCM PDD Studio installed in $appdir"
echo "  command: $prefix/bin/jcm-pdd   menu entry: $data/applications/$app_id.desktop"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "  (add $prefix/bin to PATH to type 'jcm-pdd' in a terminal)" ;; esac
