#!/usr/bin/env bash
# Smoke-test a built bundle from its folder, the way a user meets it.
#
#   packaging/smoke_test.sh [BUNDLE_DIR]     (default: dist/personadesigner)
#
# Runs with an empty environment (no Python path, no virtualenv, a fresh HOME), so
# the bundle must carry everything: --version, `list` creating a new default library
# with the samples, PDF and PNG export, JSON import, the app started offscreen to
# its first painted window and quit, and the bad starts (no display, a damaged
# library, a read-only library) each ending in one sentence without a traceback.
# Then the Linux desktop files are validated and install.sh/uninstall.sh are run
# into a temporary HOME. Exits non-zero on the first failed check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=$(cd "${1:-$root/dist/personadesigner}" && pwd)
exe=$bundle/personadesigner
app_id=io.github.personadesigner.PersonaDesigner
[ -x "$exe" ] || { echo "smoke: no bundle at $bundle (run packaging/build.sh)" >&2; exit 2; }

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
home=$work/home
mkdir -p "$home"
fails=0
passes=0
ok() { echo "smoke: ok   $*"; passes=$((passes + 1)); }
fail() { echo "smoke: FAIL $*" >&2; fails=$((fails + 1)); }

# The bundle with nothing of ours around it: no PYTHONPATH, no venv, a new HOME.
run() {
  env -i PATH=/usr/bin:/bin HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" LANG=C.UTF-8 "$@"
}
# One sentence, no traceback: the stderr of a refused start.
one_sentence() {  # one_sentence NAME STDERR_FILE
  if grep -q "Traceback" "$2"; then fail "$1: traceback on stderr"; sed 's/^/    /' "$2" >&2; return; fi
  if ! grep -q "personadesigner: error: " "$2"; then fail "$1: no error sentence"; sed 's/^/    /' "$2" >&2; return; fi
  ok "$1: $(grep "personadesigner: error: " "$2" | head -1)"
}

# --- the command line --------------------------------------------------------------
version=$(run "$exe" --version)
[[ $version == "personadesigner "* ]] && ok "--version: $version" || fail "--version printed '$version'"

lib=$home/data/personadesigner/library.sqlite
listing=$(run "$exe" list)
count=$(printf '%s\n' "$listing" | grep -c . || true)
[ -f "$lib" ] && [ "$count" -eq 8 ] && ok "list on a new library: $count sample personas" \
  || fail "list on a new library printed $count lines (want the 8 samples)"

if run "$exe" export --all --out "$work/cards.pdf" --bleed --crop-marks >/dev/null; then
  pages=$(pdfinfo "$work/cards.pdf" | awk '/^Pages:/ {print $2}')
  fonts=$(pdffonts "$work/cards.pdf" | tail -n +3 | awk '$(NF-4) == "yes"' | wc -l)
  [ "${pages:-0}" -eq 8 ] && [ "$fonts" -gt 0 ] && ok "export PDF: $pages pages, $fonts embedded fonts" \
    || fail "export PDF: $pages pages, $fonts embedded fonts"
else
  fail "export PDF exited non-zero"
fi

if run "$exe" export "Grace Adeyemi" --format png --dpi 150 --out "$work/png" >/dev/null; then
  png=$work/png/Grace\ Adeyemi.png
  magic=$(head -c 8 "$png" 2>/dev/null | od -An -tx1 | tr -d ' \n')
  size=$(stat -c %s "$png" 2>/dev/null || echo 0)
  [ "$magic" = 89504e470d0a1a0a ] && [ "$size" -gt 20000 ] && ok "export PNG: $size bytes" \
    || fail "export PNG: header '$magic', $size bytes"
else
  fail "export PNG exited non-zero"
fi

# discover: numpy and the CSV reader are inside (a survey of 60 respondents, 2 planted groups).
{
  echo "id,role,age,channels,pain"
  for i in $(seq 1 30); do echo "a$i,IT director,$((40 + i % 7)),LinkedIn;Events,Slow vendor answers"; done
  for i in $(seq 1 30); do echo "b$i,Student,$((19 + i % 4)),Instagram;TikTok,Prices are too high"; done
} >"$work/survey.csv"
if run "$exe" discover "$work/survey.csv" --segments 2 --seed 1 --out "$work/drafts.json" >"$work/discover.txt" 2>&1 \
  && grep -q '"personas"' "$work/drafts.json"; then
  ok "discover: 2 draft personas from a 60-respondent CSV"
else
  fail "discover"; sed 's/^/    /' "$work/discover.txt" >&2
fi

cat >"$work/new.json" <<'EOF'
{"format": "personadesigner.personas/1", "personas": [
 {"name": "Smoke Test Sam", "type": "buyer", "role": "Bundle tester", "quote": "Ça marche — 動く ✓"}]}
EOF
if run "$exe" import --library "$work/imported.sqlite" "$work/new.json" >/dev/null \
  && run "$exe" show --library "$work/imported.sqlite" "Smoke Test Sam" | grep -q "動く"; then
  ok "import JSON: the persona and its text are in the library"
else
  fail "import JSON"
fi

# Team libraries: the PostgreSQL driver is inside (a refused connection, not a missing driver).
code=0; run "$exe" list --library "postgresql+psycopg://nobody@127.0.0.1:9/personas" 2>"$work/pg.err" || code=$?
[ "$code" -eq 2 ] && grep -q "cannot be reached" "$work/pg.err" && ok "PostgreSQL driver inside: $(cat "$work/pg.err")" \
  || { fail "PostgreSQL URL: exit $code"; cat "$work/pg.err" >&2; }

# --- the app -----------------------------------------------------------------------
if out=$(run QT_QPA_PLATFORM=offscreen PERSONADESIGNER_SMOKE_QUIT=1 timeout 120 "$exe" "$lib" 2>"$work/app.err"); then
  [[ $out == *"first paint"* ]] && ok "app: painted its window offscreen and quit" || fail "app quit without painting"
else
  fail "app exited with $? (stderr below)"; sed 's/^/    /' "$work/app.err" >&2
fi
grep -q Traceback "$work/app.err" && fail "app: traceback on stderr"

# --- bad starts: one sentence, no traceback -------------------------------------------
code=0; run timeout 60 "$exe" 2>"$work/nodisplay.err" || code=$?
[ "$code" -eq 2 ] && one_sentence "no display (exit 2)" "$work/nodisplay.err" || fail "no display: exit $code"

head -c 1000 "$lib" >"$work/damaged.sqlite"
head -c 30000 /dev/urandom >>"$work/damaged.sqlite"
code=0; run "$exe" list --library "$work/damaged.sqlite" 2>"$work/damaged.err" || code=$?
[ "$code" -eq 2 ] && one_sentence "damaged library (exit 2)" "$work/damaged.err" || fail "damaged library: exit $code"

# Read-only: a library file the user may not write, and one in a folder the user may
# not write. Root writes through missing write bits, so as root these run as
# "nobody" (setpriv), like a user would.
mkdir -p "$work/ro" "$work/rofile"
cp "$lib" "$work/ro/readonly.sqlite"
cp "$lib" "$work/rofile/readonly.sqlite"
chmod a-w "$work/ro/readonly.sqlite" "$work/ro" "$work/rofile/readonly.sqlite"
chmod a+rwx "$work/rofile"
chmod a+rx "$work" "$home"
chmod a+r "$work/new.json"
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
for where in rofile ro; do
  code=0
  run "${as_user[@]}" "$exe" import --library "$work/$where/readonly.sqlite" "$work/new.json" 2>"$work/$where.err" || code=$?
  [ "$code" -eq 2 ] && one_sentence "read-only library ($where, exit 2)" "$work/$where.err" \
    || { fail "read-only library ($where): exit $code"; cat "$work/$where.err" >&2; }
done
chmod u+w "$work/ro"

# --- desktop integration ----------------------------------------------------------------
share=$bundle/share
desktop-file-validate "$share/applications/$app_id.desktop" && ok "desktop-file-validate" || fail "desktop-file-validate"
appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml" >"$work/appstream.out" 2>&1 \
  && ok "appstreamcli validate --no-net" || { fail "appstreamcli validate"; cat "$work/appstream.out" >&2; }

ihome=$work/ihome
mkdir -p "$ihome"
ienv() { env HOME="$ihome" XDG_DATA_HOME="$ihome/xdg" PERSONADESIGNER_INSTALL_DIR= "$@"; }
ienv sh "$bundle/install.sh" >/dev/null
opt=$ihome/.local/opt/personadesigner
entry=$ihome/xdg/applications/$app_id.desktop
[ -x "$opt/personadesigner" ] && ok "install: bundle in $opt" || fail "install: no executable in $opt"
grep -qx "Exec=\"$opt/personadesigner\" %f" "$entry" && ok "install: Exec= points at the installed bundle" \
  || fail "install: Exec line is '$(grep ^Exec= "$entry" || true)'"
desktop-file-validate "$entry" || fail "installed desktop entry does not validate"
missing=0
for size in 16 22 24 32 48 64 128 256 512; do
  png=$ihome/xdg/icons/hicolor/${size}x${size}/apps/$app_id.png
  [ "$(file -b "$png" 2>/dev/null | grep -o "$size x $size")" = "$size x $size" ] || missing=$((missing + 1))
done
[ -f "$ihome/xdg/icons/hicolor/scalable/apps/$app_id.svg" ] || missing=$((missing + 1))
[ "$missing" -eq 0 ] && ok "install: icons 16..512 and scalable" || fail "install: $missing icons missing"
[ -f "$ihome/xdg/mime/packages/$app_id.xml" ] && ok "install: MIME type registered" || fail "install: no MIME package"
if command -v update-mime-database >/dev/null; then
  grep -q "application/x-personadesigner-library" "$ihome/xdg/mime/globs2" 2>/dev/null \
    && grep -q "x-personadesigner-library" "$ihome/xdg/mime/magic" 2>/dev/null \
    && ok "install: the MIME database knows *.pdlib and the library magic" || fail "install: MIME database not updated"
fi
if command -v gio >/dev/null; then  # what a file manager sees on a double-click
  sqlite3_file=$work/other.sqlite
  head -c 100 "$lib" >"$sqlite3_file"; head -c 4000 /dev/zero >>"$sqlite3_file"  # SQLite header, not ours
  cp "$lib" "$work/team.pdlib"
  gtype() { XDG_DATA_HOME="$ihome/xdg" XDG_DATA_DIRS=/usr/share gio info -a standard::content-type "$1" | awk '/content-type/ {print $2}'; }
  handler=$(XDG_DATA_HOME="$ihome/xdg" XDG_DATA_DIRS=/usr/share gio mime application/x-personadesigner-library 2>/dev/null | awk "NR == 1")
  t1=$(gtype "$lib"); t2=$(gtype "$work/team.pdlib"); t3=$(gtype "$sqlite3_file")
  [ "$t1" = application/x-personadesigner-library ] && [ "$t2" = "$t1" ] && [ "$t3" = application/vnd.sqlite3 ] \
    && ok "install: library.sqlite and *.pdlib are libraries, other SQLite files are not" \
    || fail "install: file types: library.sqlite=$t1 team.pdlib=$t2 other.sqlite=$t3"
  [[ $handler == *"$app_id.desktop"* ]] && ok "install: a double-click opens PersonaDesigner" || fail "install: handler: $handler"
fi
version=$(env -i HOME="$ihome" "$ihome/.local/bin/personadesigner" --version 2>&1 || true)
[[ $version == "personadesigner "* ]] && ok "install: ~/.local/bin/personadesigner runs" || fail "install: command: $version"
ienv sh "$opt/uninstall.sh" >/dev/null
# What may stay: the shared caches the update tools rebuild (mime/*, mimeinfo.cache).
left=$(find "$ihome" -type f -o -type l | grep -v -e "/xdg/mime/[^/]*$" -e "/mimeinfo.cache$" -e "/icon-theme.cache$" || true)
[ -z "$left" ] && [ ! -e "$opt" ] && ok "uninstall: nothing of ours left" || { fail "uninstall left files"; echo "$left" >&2; }

echo "smoke: bundle folder $(du -sh --exclude=share "$bundle" | cut -f1)"
# The closing line CI reads: the plain 'N passed, N failed' form.
echo "smoke: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
