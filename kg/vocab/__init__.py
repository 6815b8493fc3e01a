"""Vocabularies: SKOS concept schemes that metadata specialists edit as Turtle in `vocab/`.

`files.py` reads the files (relative IRIs resolved against `{base}id/`, each subject's line kept),
`model.py` turns them into typed concepts, `check.py` judges them, `tagging.py` applies them to
records and `diff.py` says what changed between two versions.
"""
