"""Event coding: who did what to whom, when and where, with evidence."""
