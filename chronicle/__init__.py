"""Chronicle: dated news articles in, an evidence-linked record of a story out."""

__version__ = "0.1.0"
