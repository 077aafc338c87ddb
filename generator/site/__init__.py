"""Pages through templates, the incremental plan, the docs folder, and the MkDocs plugin's helpers."""
