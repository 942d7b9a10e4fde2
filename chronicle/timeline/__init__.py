"""Timelines: which dates matter and which sentences say what happened on them."""
