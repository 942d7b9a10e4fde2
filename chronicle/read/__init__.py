"""Chronicle read package."""
