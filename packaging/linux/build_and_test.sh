#!/usr/bin/env bash
# The Linux frozen build, proven: build the one-folder app with PyInstaller (in its own venv,
# so no test tool is bundled), run `jcm-pdd selftest` on it, pack the tarball and hold it to
# the size budget, install it per user into a temporary prefix with install.sh, and run
# `selftest` again on the installed copy. .ci/run and the release workflow call this.
#   packaging/linux/build_and_test.sh        (output: build/frozen/jcm-pdd, build/dist/*.tar.xz)
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
step() { echo "== frozen build: $* ($((SECONDS - started)) s)"; }

step "build venv with PyInstaller"
python3 -m venv build/pyi-venv
build/pyi-venv/bin/pip install -q --disable-pip-version-check "pyinstaller>=6.10,<7" -e .
QT_QPA_PLATFORM=offscreen build/pyi-venv/bin/python packaging/make_icons.py build/icons

step "PyInstaller one-folder build"
rm -rf build/frozen build/pyi
build/pyi-venv/bin/pyinstaller packaging/jcm_pdd.spec --noconfirm --log-level WARN \
  --distpath build/frozen --workpath build/pyi

step "selftest of the frozen build"
build/frozen/jcm-pdd/jcm-pdd selftest

step "tarball and size budget"
tarball=$(packaging/linux/make_tarball.sh build/frozen build/icons build/dist)
# The release build sets JCM_PDD_MAX_GLIBC (its base's glibc): no bundled library may need more.
build/pyi-venv/bin/python packaging/check_bundle.py build/frozen/jcm-pdd "$tarball" \
  ${JCM_PDD_MAX_GLIBC:+--max-glibc "$JCM_PDD_MAX_GLIBC"}

step "per-user install into a temporary prefix"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -C "$tmp" -xf "$tarball"
HOME="$tmp/home" sh "$tmp"/jcm-pdd-studio-*/install.sh --prefix "$tmp/prefix"
for f in share/applications/org.jcmpdd.PddStudio.desktop share/mime/packages/org.jcmpdd.PddStudio.xml \
  share/metainfo/org.jcmpdd.PddStudio.metainfo.xml share/icons/hicolor/256x256/apps/org.jcmpdd.PddStudio.png; do
  [ -f "$tmp/prefix/$f" ] || { echo "install.sh did not install $f" >&2; exit 1; }
done
if command -v update-mime-database >/dev/null; then
  [ -f "$tmp/prefix/share/mime/application/vnd.jcm-pdd+zip.xml" ] || { echo "MIME database not updated" >&2; exit 1; }
fi

step "selftest of the installed copy"
(cd "$tmp" && HOME="$tmp/home" "$tmp/prefix/bin/jcm-pdd" selftest)
sh "$tmp"/jcm-pdd-studio-*/uninstall.sh --prefix "$tmp/prefix"
[ ! -e "$tmp/prefix/bin/jcm-pdd" ] || { echo "uninstall.sh left the command" >&2; exit 1; }
step "done: $tarball"
