"""What a store's record shows a reader first: the most reported events, the most named
organisations and the largest figures, to check by eye for page furniture (issue 25).

    python bench/furniture_check.py STORE.db [--events 50] [--orgs 30] [--figures 30]
"""

from __future__ import annotations

import argparse
import sqlite3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--orgs", type=int, default=30)
    parser.add_argument("--figures", type=int, default=30)
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    print(f"== {args.events} most reported events (articles, date, type, first report)")
    for count, date, kind, text in db.execute(
            "SELECT e.article_count, e.date, e.event_type, (SELECT m.text FROM event_links l"
            " JOIN event_mentions m ON m.id = l.mention_id WHERE l.event_id = e.id"
            " ORDER BY l.published LIMIT 1) FROM events e"
            " ORDER BY e.article_count DESC, e.mention_count DESC, e.date, e.id LIMIT ?",
            (args.events,)):
        print(f"{count:3d} {date} {kind:10s} {' '.join((text or '').split())[:150]}")
    print(f"== {args.orgs} most named organisations (articles)")
    for name, count in db.execute(
            "SELECT text, count(DISTINCT article_id) AS n FROM mentions WHERE label = 'ORG'"
            " GROUP BY text ORDER BY n DESC, text LIMIT ?", (args.orgs,)):
        print(f"{count:4d} {name}")
    print(f"== {args.figures} largest figures (value, referent, sentence)")
    for value, referent, text in db.execute(
            "SELECT f.value, f.referent, s.text FROM figures f JOIN sentences s"
            " ON s.article_id = f.article_id AND s.idx = f.sentence_index"
            " ORDER BY f.value DESC LIMIT ?", (args.figures,)):
        print(f"{value:>14,.0f} {referent or '-':12s} {' '.join(text.split())[:130]}")
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "sentences", "events", "figures", "mentions")}
    print("== counts", counts)


if __name__ == "__main__":
    main()
