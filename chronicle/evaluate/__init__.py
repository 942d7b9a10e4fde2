"""Chronicle evaluate package."""
