"""Small helpers written once: forking a worker, storing a file atomically, keeping values by identity."""
