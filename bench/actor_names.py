"""How many names the most mentioned actors of a store go by, before and after resolution.

    .venv/bin/python bench/actor_names.py STORE.db [--top 50] [--merges 50]

"After": the store's actors as :func:`chronicle.actor_index.actor_records` resolves them,
the ``--top`` most mentioned. "Before": the names the report's index gave the same
mentions before actors were identities (the name as written, less a leading "the" and a
possessive, with a surname counted for the one full name the same article gives it). Prints
both counts and a sample of merges (an alias and the actor it was merged into) to check by
hand, drawn with a fixed seed.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict

from chronicle.actor_index import mention_identities
from chronicle.store import Store


def _old_name(text: str) -> str:
    name = " ".join(text.split()).strip(" .,;:'\"“”’")
    if name.lower().startswith("the "):
        name = name[4:]
    return name.removesuffix("'s").removesuffix("’s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--merges", type=int, default=50)
    args = parser.parse_args()
    store = Store(args.db)
    identities = mention_identities(store)
    mentions_of: dict[str, list] = defaultdict(list)
    for mention, identity in identities.items():
        mentions_of[identity.name].append(mention)
    top = sorted(mentions_of, key=lambda n: (-len(mentions_of[n]), n))[:args.top]

    # the old index's names: as written, a surname to the article's one full name
    full_names: dict[str, set[str]] = defaultdict(set)
    for mention in identities:
        name = _old_name(mention.text)
        if mention.label == "PERSON" and " " in name:
            full_names[mention.article_id].add(name)
    before: set[str] = set()
    merges: set[tuple[str, str]] = set()
    for name in top:
        for mention in mentions_of[name]:
            old = _old_name(mention.text)
            longer = [f for f in full_names[mention.article_id] if f.split()[-1] == old]
            if mention.label == "PERSON" and len(longer) == 1 and " " not in old:
                old = longer[0]
            before.add(old)
            if old != name:
                merges.add((old, name))
    print(f"top {len(top)} actors: {len(before)} names before, {len(top)} after")
    sample = sorted(merges)
    random.Random(17).shuffle(sample)
    for old, new in sorted(sample[:args.merges]):
        print(f"  {old!r} -> {new!r}")


if __name__ == "__main__":
    main()
