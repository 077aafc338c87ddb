"""The search corpus and its Pagefind index."""
