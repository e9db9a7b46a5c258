"""Personas from respondent data: read a survey/CRM export, segment it, draft personas.

Qt-free. The steps are separate modules so the CLI and the app share them:
table (read CSV/XLSX) -> columns (kind of each column) -> segment (Gower
distance + k-medoids) -> profile (what distinguishes each segment) -> drafts
(one Persona per segment) -> report (the text a marketer reads).
"""
