#!/bin/sh
# Remove what install.sh installed: the bundle, the menu entry, the icons, the file
# type and the command. Your libraries and settings are not touched (they live in
# ~/.local/share/personadesigner and ~/.config/PersonaDesigner).
set -eu

data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=${PERSONADESIGNER_INSTALL_DIR:-$HOME/.local/opt/personadesigner}
manifest=$opt/installed-files
if [ ! -f "$manifest" ]; then
  echo "uninstall.sh: PersonaDesigner is not installed in $opt (no installed-files list there)." >&2
  exit 2
fi

# Only the files install.sh listed, and only if they are still where it put them.
while IFS= read -r path; do
  [ -n "$path" ] || continue
  case $path in
    "$data"/*) rm -f "$path" ;;
    "$HOME"/.local/bin/personadesigner)  # the command, if it is still our link
      [ "$(readlink "$path" 2>/dev/null)" = "$opt/personadesigner" ] && rm -f "$path" ;;
    *) echo "uninstall.sh: leaving $path (outside $data)" >&2 ;;
  esac
done <"$manifest"
rm -rf "$opt"

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime" ]; then update-mime-database "$data/mime" >/dev/null 2>&1 || true; fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then update-desktop-database "$data/applications" >/dev/null 2>&1 || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data/icons/hicolor" ]; then gtk-update-icon-cache -q -t -f "$data/icons/hicolor" >/dev/null 2>&1 || true; fi

echo "PersonaDesigner is uninstalled; your libraries are still in ${XDG_DATA_HOME:-$HOME/.local/share}/personadesigner."
