"""``python -m personadesigner`` is the same as the ``personadesigner`` command."""

from personadesigner.cli import main

raise SystemExit(main())
