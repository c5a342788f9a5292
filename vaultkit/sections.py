"""The dashboard's sections, in order. Apart from kinds/action.py (which groups actions into them)
so that a report repeated from its record names them in its summary without loading every kind of
action (kinds/: 9 ms of a repeated report's start)."""
from __future__ import annotations

GROUPS = ("overdue", "today", "upcoming", "later")
# The dashboard's sections: once you have landed, the announcements lead, apart from their due group.
SECTIONS = ("announce", *GROUPS)
