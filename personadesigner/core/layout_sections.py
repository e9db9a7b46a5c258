"""Sections: what each template flow item shows of a persona, as flow blocks.

Kept for imports from before the section-kind registry: the kinds, their typed
specs and their builders live in core.section_kinds (one small function each).
"""

from __future__ import annotations

from personadesigner.core.section_kinds import DEMOGRAPHICS, NEVER_PRINTED, SECTION_KINDS, section_blocks

__all__ = ["DEMOGRAPHICS", "NEVER_PRINTED", "SECTION_KINDS", "section_blocks"]
