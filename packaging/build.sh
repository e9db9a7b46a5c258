#!/usr/bin/env bash
# Build the one-folder desktop bundle: dist/personadesigner/ (runs without Python).
#
#   packaging/build.sh
#
# From a clean checkout: creates build/bundle-venv, installs the project with its
# `bundle` extra (PyInstaller) there, renders the icons from resources/icons, runs
# PyInstaller with packaging/personadesigner.spec and adds the Linux desktop files
# and install scripts to the folder. BUNDLE_PYTHON=/path/to/python uses an existing
# environment that already has `.[bundle]` installed instead (CI reuses its venv).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
app_id=io.github.personadesigner.PersonaDesigner

if [ -n "${BUNDLE_PYTHON:-}" ]; then
  py=$BUNDLE_PYTHON
else
  venv=$root/build/bundle-venv
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
  fi
  "$venv/bin/python" -m pip install -q ".[bundle]"
  py=$venv/bin/python
fi
"$py" -c "import PyInstaller" 2>/dev/null || {
  echo "build.sh: PyInstaller is missing in $py (pip install '.[bundle]')" >&2
  exit 2
}

# Icons first: the spec gives the .ico/.icns to the Windows and macOS executables.
export PERSONADESIGNER_ICONS=$root/build/icons
rm -rf "$PERSONADESIGNER_ICONS"
QT_QPA_PLATFORM=offscreen "$py" packaging/render_icons.py "$PERSONADESIGNER_ICONS"

"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" packaging/personadesigner.spec

# The Linux desktop integration travels inside the folder, so a user who downloads
# it runs ./install.sh from there.
out=$root/dist/personadesigner
share=$out/share
rm -rf "$share"
mkdir -p "$share/applications" "$share/metainfo" "$share/mime/packages" "$share/icons"
cp packaging/linux/$app_id.desktop "$share/applications/"
cp packaging/linux/$app_id.metainfo.xml "$share/metainfo/"
cp packaging/linux/$app_id.mime.xml "$share/mime/packages/$app_id.xml"
cp -r "$PERSONADESIGNER_ICONS/hicolor" "$share/icons/"
install -m 755 packaging/linux/install.sh packaging/linux/uninstall.sh "$out/"

echo "build.sh: $(du -sh "$out" | cut -f1) in $out"
