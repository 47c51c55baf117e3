"""Stage 2, extraction: which genre a document is, its cases, and typed facts with evidence for each case."""
