#!/bin/sh
# Install the PersonaDesigner bundle for the current user (no root needed).
#
#   ./install.sh            run from the unpacked bundle folder (dist/personadesigner)
#   install.sh BUNDLE_DIR   or name the folder
#
# Puts the bundle in ~/.local/opt/personadesigner, a `personadesigner` command in
# ~/.local/bin, and under $XDG_DATA_HOME (default ~/.local/share): the menu entry
# (applications/), the icons (icons/hicolor/, 16 to 512 px and scalable), the
# library file type (mime/packages/) and the AppStream metainfo (metainfo/).
# Every file it writes is listed in ~/.local/opt/personadesigner/installed-files,
# which uninstall.sh reads. Installing again replaces the previous install.
set -eu

app_id=io.github.personadesigner.PersonaDesigner
src=${1:-$(cd "$(dirname "$0")" && pwd)}
if [ ! -x "$src/personadesigner" ] || [ ! -d "$src/share/applications" ]; then
  echo "install.sh: $src is not a PersonaDesigner bundle folder (no personadesigner executable or share/)." >&2
  exit 2
fi
src=$(cd "$src" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=${PERSONADESIGNER_INSTALL_DIR:-$HOME/.local/opt/personadesigner}
bin=$HOME/.local/bin

# The bundle: copied beside the old one, then swapped in, so a failed copy leaves
# the previous install working.
if [ "$src" != "$opt" ]; then
  mkdir -p "$(dirname "$opt")"
  staging=$opt.new.$$
  rm -rf "$staging"
  cp -R "$src" "$staging"
  rm -f "$staging/installed-files"
  if [ -d "$opt" ]; then
    rm -rf "$opt.old.$$"
    mv "$opt" "$opt.old.$$"
  fi
  mv "$staging" "$opt"
  rm -rf "$opt.old.$$"
fi
manifest=$opt/installed-files
: >"$manifest"

put() {  # put SOURCE TARGET: copy one file and remember it for uninstall.sh
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2"
  echo "$2" >>"$manifest"
}

# The desktop entry, pointing at the installed executable (quoted: the path may have spaces).
exe=$opt/personadesigner
desktop=$data/applications/$app_id.desktop
mkdir -p "$(dirname "$desktop")"
sed -e "s|^Exec=personadesigner |Exec=\"$exe\" |" -e "s|^TryExec=personadesigner\$|TryExec=$exe|" \
  "$opt/share/applications/$app_id.desktop" >"$desktop"
echo "$desktop" >>"$manifest"

for icon in "$opt"/share/icons/hicolor/*/apps/*; do
  put "$icon" "$data/icons/hicolor/${icon#"$opt"/share/icons/hicolor/}"
done
put "$opt/share/mime/packages/$app_id.xml" "$data/mime/packages/$app_id.xml"
put "$opt/share/metainfo/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"

# The command line, unless something else already owns the name.
if [ ! -e "$bin/personadesigner" ] || [ "$(readlink "$bin/personadesigner" 2>/dev/null)" = "$exe" ]; then
  mkdir -p "$bin"
  ln -sf "$exe" "$bin/personadesigner"
  echo "$bin/personadesigner" >>"$manifest"
fi

# Refresh the desktop's caches when their tools are there (all optional).
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime" >/dev/null 2>&1 || true; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$data/applications" >/dev/null 2>&1 || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t -f "$data/icons/hicolor" >/dev/null 2>&1 || true; fi

echo "PersonaDesigner is installed in $opt: it is in your applications menu, the command is $bin/personadesigner, and $opt/uninstall.sh removes it."
