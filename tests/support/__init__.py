"""Test helpers shared by several test folders (never imported by the app)."""
