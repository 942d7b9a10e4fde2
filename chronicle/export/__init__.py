"""Exports of the store into the formats other tools read."""
