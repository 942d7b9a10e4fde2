"""Derive Chronicle's fallback event lexicon from the PETRARCH-2 CAMEO verb dictionary.

    python bench/build_event_lexicon.py DATA_DIR OUT.tsv

``DATA_DIR`` holds ``petrarch2/CAMEO.2.0.txt`` (verb synsets and patterns → CAMEO codes) and
``plover/CAMEO2PLOVER-2021.txt`` (CAMEO code → PLOVER type and mode). The output is a table,
not a copy of either: one row per key

    verb  prep  object  type  mode  cameo  votes  share  basis

where ``verb`` is a lower-case lemma (phrasal verbs as "call off"), ``prep`` a preposition
the pattern puts right after the verb ("" if none), ``object`` the head noun of the object
or of the prepositional phrase ("" if none). Every pattern of a verb block votes for its
PLOVER reading of each key it yields; a key keeps the majority reading, with the number of
votes and the share it won. ``basis`` says where a verb-alone row comes from: "verb" (a code
written on the verb's own line), "head" (the verb the block is named for), "synonym" (a
synonym inheriting the block's code, the least reliable); pattern rows say "pattern".
Patterns constrained by words before the verb (subjects) are left out: the coder does not
match them. CAMEO 01 (public statements) has no PLOVER type and
is left out; CAMEO 02 (appeals) is PLOVER's REQUEST. Patterns the dictionary codes "---" (no
event: "die of natural causes") are kept with type NONE, so they can veto the verb's code.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([^\]]*)\]")
VERB = re.compile(r"^[a-z][a-z-]*( (?!and$)[a-z]+)?$")  # "attack", "call off"
SKIP_TOKENS = {"$", "+", "%", "^", "*"}
# Words PETRARCH patterns use as adverbs or function words after the verb: not objects.
NON_OBJECTS = {"to", "of", "for", "with", "the", "a", "an", "and", "not", "no", "out", "up",
               "down", "off", "back", "away", "over", "in", "on", "by", "from", "into", "at",
               "against", "about", "it", "them", "that"}
PREPOSITIONS = {"to", "for", "with", "against", "on", "in", "into", "at", "from", "over",
                "about", "upon", "toward", "towards", "by", "between", "among", "under",
                "across", "through", "of", "off", "out", "up", "down", "after", "behind"}


def read_plover(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, mode) from the conversion table."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        if not code.strip().isdigit() or not parts or not parts[0].isupper():
            continue
        mode = parts[1] if len(parts) > 1 else ""
        mode = mode.replace(" ", "")
        # Some rows put a context ("pro_autocracy") in the mode column: not a mode.
        table[code.strip()] = (parts[0], "" if "_" in mode else mode)
    # PLOVER folds CAMEO's APPEAL (02) into REQUEST; statements (01) are not events.
    table.setdefault("02", ("REQUEST", ""))
    return table


def plover_of(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    code = code.split(":", 1)[0].strip()
    if not code or not code[:2].isdigit() or code.startswith("01"):
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[dict]]:
    """Synsets (&NAME → member words) and verb blocks (verbs, default codes, patterns)."""
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    section = ""
    current_set = ""
    block: dict | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("#######") or raw.startswith("########"):
            section = "verbs" if "VERB PATTERNS" in raw else \
                "transforms" if "TRANSFORM" in raw else "synsets"
            continue
        line = raw.split("#", 1)[0].rstrip()
        comment = raw.split("#", 1)[1].strip() if "#" in raw else ""
        if not line.strip():
            continue
        if section == "synsets":
            if line.startswith("&"):
                current_set = line.strip()
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                synsets[current_set].append(line[1:].strip().lower())
            continue
        if section != "verbs":
            continue
        header = HEADER.match(line)
        if header:
            block = {"default": header.group(2), "verbs": {}, "patterns": [],
                     "head": header.group(1).lower().replace("_", " "), "basis": {}}
            blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            code = CODE.search(line)
            if code is None:
                continue
            body = line[1:code.start()].strip()
            origin = comment.split()[0].lower() if comment else ""
            block["patterns"].append((body, code.group(1), origin))
        elif line[0].isalpha() or line.startswith("+"):
            word = line.lstrip("+").split("{", 1)[0].split("[", 1)[0].strip().lower()
            own = CODE.search(line.rsplit("}", 1)[-1])
            verb = word.replace("_", " ").strip()
            if VERB.match(verb):
                block["verbs"][verb] = own.group(1) if own else block["default"]
                block["basis"][verb] = "verb" if own else \
                    "head" if verb == block["head"] else "synonym"
    return synsets, blocks


def _tokens(body: str) -> list[str]:
    """Pattern text after the verb marker as tokens: words, "(...)" and "{...}" groups."""
    return re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", body)


def _heads(token: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head nouns a pattern element stands for: a word, the last word of a {phrase}, or
    every member of a &synset."""
    phrase = token.startswith("{")
    token = token.strip("{}")
    words = [w for w in token.replace("_", " ").split() if w not in SKIP_TOKENS]
    if not words:
        return []
    last = words[-1]
    if phrase and len(words) > 1 and not any(w.startswith("&") for w in words):
        return [" ".join(words[-2:]).lower()]  # "independent state": modifier and head
    if last.startswith("&"):
        members = synsets.get(last.rstrip(), [])
        return sorted({m.replace("_", " ").split()[-1] for m in members if m.strip("_")})
    return [last.lower()]


def keys_of(body: str, synsets: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(prep, object) keys a pattern yields, most specific first; [] for patterns with
    words before the verb."""
    if "*" not in body:
        return []
    before, after = body.split("*", 1)
    if [t for t in before.split() if t not in SKIP_TOKENS]:
        return []
    tokens = [t for t in _tokens(after) if t not in SKIP_TOKENS]
    if not tokens:
        return []
    first = tokens[0]
    out: list[tuple[str, str]] = []
    if first.startswith("("):
        words = first.strip("()").split()
        if not words:
            return []
        prep = words[0].lower()
        if prep not in PREPOSITIONS:
            return []
        rest = " ".join(words[1:])
        for head in _heads(rest, synsets) if rest else []:
            if head not in NON_OBJECTS:
                out.append((prep, head))
        if not rest:
            out.append((prep, ""))
        return out
    if first.lower() in PREPOSITIONS:
        return []
    for head in _heads(first, synsets):
        head = head.lower()
        if head in NON_OBJECTS or not head.replace(" ", "").isalpha():
            continue
        out.append(("", head))
        if singular(head) != head:
            out.append(("", singular(head)))
    return out


def build(data_dir: Path) -> list[tuple]:
    table = read_plover(data_dir / "plover" / "CAMEO2PLOVER-2021.txt")
    synsets, blocks = read_dictionary(data_dir / "petrarch2" / "CAMEO.2.0.txt")
    votes: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    basis: dict[tuple[str, str, str], str] = {}
    rank = {"verb": 0, "head": 1, "synonym": 2}
    for block in blocks:
        verbs = block["verbs"]
        for verb, code in verbs.items():
            reading = plover_of(code, table)
            if reading is not None:
                votes[(verb, "", "")][(*reading, code.split(":")[0])] += 1
                basis[(verb, "", "")] = min(block["basis"][verb],
                                            basis.get((verb, "", ""), "synonym"), key=rank.get)
        for body, code, origin in block["patterns"]:
            # "---" marks a pattern that is no event ("die of natural causes"): kept as
            # NONE so that it overrides the verb's own code.
            reading = ("NONE", "") if code.strip() == "---" else plover_of(code, table)
            if reading is None:
                continue
            # A pattern is written for the verb its comment names; else for the whole block.
            targets = [origin] if origin in verbs else list(verbs)
            for verb in targets:
                for prep, obj in keys_of(body, synsets):
                    votes[(verb, prep, obj)][(*reading, code.split(":")[0])] += 1
    rows = []
    for (verb, prep, obj), counter in votes.items():
        by_type: Counter = Counter()
        for (kind, mode, _code), n in counter.items():
            by_type[(kind, mode)] += n
        (kind, mode), n = by_type.most_common(1)[0]
        code = next(c for (k, m, c), _ in counter.most_common() if (k, m) == (kind, mode))
        total = sum(by_type.values())
        how = basis.get((verb, prep, obj), "pattern")
        rows.append((verb, prep, obj, kind, mode, code, n, round(n / total, 2), how))
    rows.sort()
    return rows


def main(argv: list[str]) -> None:
    if len(argv) != 3:
        raise SystemExit(__doc__)
    rows = build(Path(argv[1]))
    out = Path(argv[2])
    with out.open("w", encoding="utf-8") as handle:
        handle.write("# Derived from the PETRARCH-2 CAMEO verb dictionary (CAMEO.2.0.txt, MIT"
                     " licence, Open Event Data Alliance)\n# mapped to PLOVER with"
                     " CAMEO2PLOVER-2021.txt by bench/build_event_lexicon.py.\n")
        handle.write("verb\tprep\tobject\ttype\tmode\tcameo\tvotes\tshare\tbasis\n")
        for row in rows:
            handle.write("\t".join(map(str, row)) + "\n")
    print(f"{len(rows)} rows -> {out}")


if __name__ == "__main__":
    main(sys.argv)
