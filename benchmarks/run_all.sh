#!/usr/bin/env bash
# Run every benchmark in turn (takes a few minutes); figures go to stdout.
set -u
cd "$(dirname "$0")"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
for script in bench_start.py bench_library.py bench_interchange.py bench_import_memory.py bench_export_memory.py bench_layout.py card_fill.py bench_export.py bench_canvas.py bench_gui.py bench_reliability.py bench_discover.py; do
  echo "=== $script"
  python "$script" || echo "($script failed with exit $?)"
done
