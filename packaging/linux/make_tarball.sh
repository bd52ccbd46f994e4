#!/usr/bin/env bash
# Lay out the Linux download from a PyInstaller one-folder build and the rendered icons:
#   packaging/linux/make_tarball.sh DIST_DIR ICONS_DIR OUT_DIR   ->  OUT_DIR/jcm-pdd-studio-<ver>-linux-<arch>.tar.xz
# The tarball holds jcm-pdd/ (the app), share/ (desktop entry, MIME types, icons, AppStream),
# install.sh, uninstall.sh and README.txt. xz: the download budget is counted compressed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dist=$1 icons=$2 out=$3
version=$("$dist/jcm-pdd/jcm-pdd" --version | awk '{print $2}')
name="jcm-pdd-studio-$version-linux-$(uname -m)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/share/applications" "$root/share/mime/packages" "$root/share/metainfo" "$root/share/icons"
cp -R "$dist/jcm-pdd" "$root/jcm-pdd"
cp "$here/org.jcmpdd.PddStudio.desktop" "$root/share/applications/"
cp "$here/org.jcmpdd.PddStudio.xml" "$root/share/mime/packages/"
cp "$here/org.jcmpdd.PddStudio.metainfo.xml" "$root/share/metainfo/"
cp -R "$icons/hicolor" "$root/share/icons/"
cp "$here/install.sh" "$here/uninstall.sh" "$root/"
cat > "$root/README.txt" <<TXT
JCM PDD Studio $version for Linux (x86_64, glibc 2.34 or newer: Ubuntu 22.04, Debian 12, RHEL 9, Fedora 36 and later)

Install for yourself (no administrator rights needed):   ./install.sh
Somewhere else:                                          ./install.sh --prefix ~/apps/jcm
Run without installing:                                  ./jcm-pdd/jcm-pdd
Check that it works on this computer:                    jcm-pdd selftest
Remove:                                                  ./uninstall.sh
TXT
mkdir -p "$out"
# Level 6 for releases (46.7 MB measured); CI sets JCM_PDD_XZ_LEVEL=1 (52.8 MB, far faster).
tar -C "$stage" -cf - "$name" | xz -T2 "-${JCM_PDD_XZ_LEVEL:-6}" > "$out/$name.tar.xz"
echo "$out/$name.tar.xz"
