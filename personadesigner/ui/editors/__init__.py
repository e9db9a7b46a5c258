"""The persona form's editor widgets: one per kind of field.

Each editor only shows a value and reports what the user did (signals); the
form turns those reports into undo commands, and mirrors the model back
into the editors with their signals blocked.
"""
