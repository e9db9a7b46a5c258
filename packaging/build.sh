#!/usr/bin/env bash
# Build the one-folder desktop bundle: dist/personadesigner/ (runs without Python).
#
#   packaging/build.sh
#
# From a clean checkout: creates build/bundle-venv, installs the project with its
# `bundle` extra (PyInstaller, the PostgreSQL driver) there, renders the icons from
# resources/icons, runs PyInstaller with packaging/personadesigner.spec and adds the
# desktop files and install scripts of the platform to the folder (Linux; Windows
# under Git Bash; macOS builds dist/PersonaDesigner.app). BUNDLE_PYTHON=/path/to/python
# uses an environment that already has `.[bundle]` installed instead (CI reuses its venv).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
app_id=io.github.personadesigner.PersonaDesigner

if [ -n "${BUNDLE_PYTHON:-}" ]; then
  py=$BUNDLE_PYTHON
else
  venv=$root/build/bundle-venv
  py=$venv/bin/python
  [ -d "$venv/Scripts" ] && py=$venv/Scripts/python.exe  # Windows (Git Bash)
  if [ ! -x "$py" ]; then
    python3 -m venv "$venv"
    [ -d "$venv/Scripts" ] && py=$venv/Scripts/python.exe
    "$py" -m pip install -q --upgrade pip
  fi
  "$py" -m pip install -q ".[bundle]"
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

# Debug symbols out of our own and Python's libraries (the spec does not strip: see there).
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null; then
  find "$root/dist/personadesigner/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) \
    ! -path '*.libs/*' -exec strip --strip-debug {} + 2>/dev/null || true
fi

# The desktop integration travels inside the folder: a user who downloads it runs the
# install script from there.
out=$root/dist/personadesigner
case "$(uname -s)" in
  Linux*)
    share=$out/share
    rm -rf "$share"
    mkdir -p "$share/applications" "$share/metainfo" "$share/mime/packages" "$share/icons"
    cp packaging/linux/$app_id.desktop "$share/applications/"
    cp packaging/linux/$app_id.metainfo.xml "$share/metainfo/"
    cp packaging/linux/$app_id.mime.xml "$share/mime/packages/$app_id.xml"
    cp -r "$PERSONADESIGNER_ICONS/hicolor" "$share/icons/"
    install -m 755 packaging/linux/install.sh packaging/linux/uninstall.sh "$out/"
    ;;
  MINGW* | MSYS* | CYGWIN*)
    cp packaging/windows/install.ps1 packaging/windows/uninstall.ps1 "$out/"
    ;;
  Darwin*)
    out=$root/dist/PersonaDesigner.app  # file types come with its Info.plist
    ;;
esac

echo "build.sh: $(du -sh "$out" | cut -f1) in $out"
