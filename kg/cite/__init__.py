"""Citations of works: a typed Reference, CSL-JSON, RIS, BibTeX, Highwire Press meta tags, and
formatted citations in CSL styles (citeproc-py). Pure functions, no store, no Flask."""
