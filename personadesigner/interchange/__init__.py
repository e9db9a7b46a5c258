"""Import and export of personas: JSON and CSV (no Qt)."""
