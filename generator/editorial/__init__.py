"""Tools for editors: the review summary (diff), new files, synthetic corpora."""
