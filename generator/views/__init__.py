"""What each page says (Python decides what is true), where pages live, and labels."""
