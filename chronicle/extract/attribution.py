"""Attribution: who said (denied, claimed, estimated) what, found in a parsed article.

A linear-chain CRF (``attribution.crfsuite``, trained on PolNeAR by
``bench/train_attribution.py``) tags source, cue and content tokens paragraph by paragraph,
with features that place each token in the clause structure around it (which argument of
which verb it belongs to), so that "the army said [content]" and "[content], the army said"
generalise beyond the training words. The tagged spans are then linked into
``Attribution`` records with the dependency parse, and a few rules add what the newswire
training data rarely shows ("by Israel's tallies", "X reported, citing Y").

Nothing here knows about a particular conflict: stance comes from the cue's verb, and the
source is resolved only against the article's own entity mentions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from chronicle.model import Article, Mention, ReadArticle

MODEL_PATH = Path(__file__).with_name("attribution.crfsuite")
LABELS = ("Source", "Cue", "Content")
OPEN_QUOTES = {'"', "“", "‘", "``", "«"}
CLOSE_QUOTES = {'"', "”", "’", "''", "»"}
QUOTE_CHARS = frozenset("\"“”«»")
VERBAL = {"VERB", "AUX"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis", "acl", "pcomp"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which"}

# Stance by cue lemma: what the source does with the content. Anything else asserts.
STANCE_LEMMAS = {
    "denies": {"deny", "reject", "refute", "dismiss", "dispute", "rebuff", "contest",
               "disavow", "repudiate", "rebut", "contradict", "insist"},
    "accuses": {"accuse", "blame", "allege", "charge", "condemn", "denounce", "fault",
                "attribute", "implicate", "slam", "criticize", "criticise"},
    "estimates": {"estimate", "tally", "count", "calculate", "put", "record", "document",
                  "number", "toll", "figure", "assess", "compute"},
    "predicts": {"predict", "expect", "forecast", "warn", "anticipate", "project", "foresee",
                 "fear", "vow", "threaten", "promise", "plan"},
}
STANCE_OF = {lemma: stance for stance, lemmas in STANCE_LEMMAS.items() for lemma in lemmas}
# "insist" denies only with a negated content; keep it an assertion.
STANCE_OF["insist"] = "asserts"
TALLY_NOUNS = {"tally", "tallies", "count", "counts", "estimate", "estimates", "figures",
               "figure", "data", "numbers", "toll", "reckoning", "calculations", "statistics"}
CITING_LEMMAS = {"cite", "quote"}
# Verbs of saying kept as cues when the tagger misses them and they have a message.
SPEECH_LEMMAS = {"say", "tell", "deny", "claim", "accuse", "report", "announce", "state",
                 "insist", "warn", "estimate", "confirm", "allege", "reject", "add", "cite",
                 "quote", "predict", "blame", "declare", "acknowledge", "admit", "dispute",
                 "assert", "stress", "explain", "argue", "reiterate", "write", "tweet"}


@dataclass(frozen=True)
class Attribution:
    """One attributed statement, with character offsets into the article text.

    ``source_*`` is absent (``None``) when the source is not in the text ("it was reported
    that..."). ``source_actor`` is the canonical name the source resolves to in this article
    (a pronoun resolved to the person or group it stands for, a surname to the full name),
    or ``None`` for unnamed sources ("officials say"), whose ``source_kind`` is "unnamed".
    ``parent`` is the id of the attribution this one is reported inside (a newspaper citing
    an army), so the chain of who-says-who-says can be followed.
    """

    id: str  # "<article id>:a<n>"
    article_id: str
    sentence_index: int
    cue_start: int
    cue_end: int
    cue_text: str
    content_start: int
    content_end: int
    content_text: str
    kind: str  # "direct", "indirect" or "mixed"
    stance: str  # "asserts", "denies", "accuses", "estimates" or "predicts"
    source_start: int | None = None
    source_end: int | None = None
    source_text: str = ""
    source_actor: str | None = None
    source_kind: str = "none"  # "named", "pronoun", "unnamed" or "none"
    parent: str | None = None

    @property
    def source_span(self) -> tuple[int, int] | None:
        if self.source_start is None or self.source_end is None:
            return None
        return (self.source_start, self.source_end)

    @property
    def cue_span(self) -> tuple[int, int]:
        return (self.cue_start, self.cue_end)

    @property
    def content_span(self) -> tuple[int, int]:
        return (self.content_start, self.content_end)


# --- features --------------------------------------------------------------------------------


def paragraphs(doc: Doc) -> Iterator[list[Token]]:
    """Non-space tokens grouped by paragraph: the unit the tagger labels.

    Paragraphs, not sentences, because a quotation often runs over several sentences and
    its speaker is named in the last one.
    """
    current: list[Token] = []
    for token in doc:
        if token.is_space:
            if "\n" in token.text and current:
                yield current
                current = []
            continue
        current.append(token)
        if "\n" in token.whitespace_ and current:  # pragma: no cover - spaCy keeps \n apart
            yield current
            current = []
    if current:
        yield current


def _text(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds ``doc.text`` on every access."""
    text = doc.user_data.get("chronicle_text")
    if text is None:
        text = doc.user_data["chronicle_text"] = doc.text
    return text


def _clause_head(token: Token) -> tuple[Token | None, str]:
    """The nearest verb above ``token`` and the relation of the branch it hangs from."""
    rel = token.dep_
    node = token
    for _ in range(12):
        head = node.head
        if head is node:
            return None, "ROOT"
        if head.pos_ in VERBAL or (head.dep_ in CLAUSE_DEPS and head.pos_ != "NOUN"):
            return head, node.dep_ if node is not token else rel
        node = head
    return None, rel


def _quote_state(tokens: Sequence[Token]) -> list[int]:
    """1 for tokens inside quotation marks (the marks included), else 0."""
    inside = False
    state = []
    for token in tokens:
        text = token.text
        if text == '"':
            if not inside:
                inside = True
                state.append(1)
            else:
                state.append(1)
                inside = False
            continue
        if text in OPEN_QUOTES and text != "’":
            inside = True
            state.append(1)
            continue
        if text in CLOSE_QUOTES and inside and text not in {"’"}:
            state.append(1)
            inside = False
            continue
        state.append(1 if inside else 0)
    return state


def token_features(tokens: Sequence[Token]) -> list[list[str]]:
    """Feature strings for each token of a paragraph (see the module docstring)."""
    quotes = _quote_state(tokens)
    base = []
    for token in tokens:
        gov1, rel1 = _clause_head(token)
        gov2, rel2 = _clause_head(gov1) if gov1 is not None else (None, "-")
        l1 = gov1.lemma_.lower() if gov1 is not None else "-"
        l2 = gov2.lemma_.lower() if gov2 is not None else "-"
        side1 = "-" if gov1 is None else ("L" if token.i < gov1.i else "R")
        lemma = token.lemma_.lower()
        base.append((token.lower_, lemma, token.tag_, token.dep_, rel1, l1, rel2, l2, side1))
    out = []
    n = len(tokens)
    for k, token in enumerate(tokens):
        lower, lemma, tag, dep, rel1, l1, rel2, l2, side1 = base[k]
        head = token.head
        f = [
            "b", "w=" + lower, "l=" + lemma, "t=" + tag, "d=" + dep,
            "hl=" + head.lemma_.lower(), "hd=" + dep + "|" + head.pos_,
            "r1=" + rel1, "g1=" + l1, "r1g1=" + rel1 + "|" + l1, "s1=" + side1 + rel1,
            "r2=" + rel2, "g2=" + l2, "r2g2=" + rel2 + "|" + l2, "r1r2=" + rel1 + "|" + rel2,
            f"q={quotes[k]}", "sh=" + token.shape_[:4],
            f"ss={int(token.is_sent_start)}", f"nk={token.n_lefts + token.n_rights}",
        ]
        if token.ent_type_:
            f.append("e=" + token.ent_type_)
        if token.pos_ in VERBAL:
            f.extend("c=" + c.dep_ for c in token.children)
        for off in (-2, -1, 1, 2):
            j = k + off
            if 0 <= j < n:
                f.append(f"{off}:l={base[j][1]}")
                f.append(f"{off}:t={base[j][2]}")
                if off in (-1, 1):
                    f.append(f"{off}:q={quotes[j]}")
                    f.append(f"{off}:r1g1={base[j][4]}|{base[j][5]}")
            else:
                f.append(f"{off}:pad")
        out.append(f)
    return out


# --- tagging ---------------------------------------------------------------------------------


@functools.cache
def _taggers(model_dir: str) -> dict[str, object]:
    import pycrfsuite

    taggers = {}
    for label in LABELS:
        tagger = pycrfsuite.Tagger()
        tagger.open(f"{model_dir}.{label.lower()}")
        taggers[label] = tagger
    return taggers


def tag_spans(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """Character spans the taggers label as source, cue and content in ``doc``."""
    import pycrfsuite

    taggers = _taggers(str(MODEL_PATH))
    spans: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
    for tokens in paragraphs(doc):
        items = pycrfsuite.ItemSequence(token_features(tokens))
        for label in LABELS:
            tags = taggers[label].tag(items)  # type: ignore[attr-defined]
            spans[label].extend(bio_spans(tokens, tags))
    return spans


def bio_spans(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of the B/I runs in ``tags``."""
    spans = []
    start = end = None
    for token, tag in zip(tokens, tags, strict=True):
        if tag == "B" or (tag == "I" and start is None):
            if start is not None:
                spans.append((start, end))
            start, end = token.idx, token.idx + len(token.text)
        elif tag == "I":
            end = token.idx + len(token.text)
        else:
            if start is not None:
                spans.append((start, end))
            start = end = None
    if start is not None:
        spans.append((start, end))
    return spans  # type: ignore[return-value]


# --- linking ---------------------------------------------------------------------------------


def extract_attributions(article: Article, doc: Doc, read: ReadArticle) -> list[Attribution]:
    """Every attribution in the article, nested ones linked to the one reporting them."""
    spans = tag_spans(doc)
    spans["Cue"].extend(_rule_cues(doc, spans["Cue"]))
    return link(article, doc, read, spans)


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _rule_cues(doc: Doc, cues: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cues newswire training data rarely has: "by X's tallies", "according to"."""
    found = []
    taken = {i for s, e in cues for i in range(s, e)}
    for token in doc:
        if token.lower_ == "by" and token.i + 1 < len(doc):
            tally = next((t for t in token.children if t.dep_ == "pobj"), None)
            if tally is not None and tally.lower_ in TALLY_NOUNS:
                span = (token.idx, tally.idx + len(tally.text))
                if token.idx not in taken:
                    found.append(span)
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ \
                == "to" and token.idx not in taken:
            found.append((token.idx, doc[token.i + 1].idx + 2))
        elif (token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_LEMMAS
              and token.idx not in taken and _has_message(token)):
            found.append((token.idx, token.idx + len(token.text)))
    return found


def _has_message(verb: Token) -> bool:
    """Whether a verb of saying has something said: a clause, an object, or a quotation."""
    deps = {c.dep_ for c in verb.children}
    if deps & {"ccomp", "parataxis"}:
        return True
    if verb.lemma_.lower() in STANCE_OF and deps & {"dobj", "xcomp", "prep"}:
        return True
    return any(t.text in QUOTE_CHARS for t in verb.sent)


def link(article: Article, doc: Doc, read: ReadArticle,
         spans: dict[str, list[tuple[int, int]]]) -> list[Attribution]:
    """Pair each cue with the source and content spans that belong to it."""
    sources = sorted(set(spans["Source"]))
    contents = sorted(set(spans["Content"]))
    cues = sorted(set(spans["Cue"]))
    starts = [s.start for s in read.sentences]
    text = article.text
    records: list[dict] = []
    for cue_start, cue_end in cues:
        cue = _tokens_in(doc, cue_start, cue_end)
        if cue is None:
            continue
        sentence = cue.sent
        head = _cue_head(cue)
        source = _pick_source(doc, cue, head, sources, sentence)
        content = _pick_content(doc, cue, head, contents, sentence)
        if content is None:
            content = _parse_content(cue, head)
        if content is None:
            continue
        content = _clip(doc, content, sentence)
        if source is None:
            source = _parse_source(cue, head)
        records.append({"cue": (cue_start, cue_end), "source": source, "content": content,
                        "head": head})
    records.sort(key=lambda r: r["cue"])
    result: list[Attribution] = []
    for n, record in enumerate(records):
        cue_start, cue_end = record["cue"]
        c_start, c_end = record["content"]
        head: Token = record["head"]
        source = record["source"]
        stance = stance_of(doc, head, cue_start, cue_end)
        s_text = text[source[0]:source[1]] if source else ""
        actor, kind = resolve_source(read.mentions, source, s_text, cue_start)
        result.append(Attribution(
            id=f"{article.id}:a{n}", article_id=article.id,
            sentence_index=_sentence_of(starts, cue_start),
            cue_start=cue_start, cue_end=cue_end, cue_text=text[cue_start:cue_end],
            content_start=c_start, content_end=c_end, content_text=text[c_start:c_end],
            kind=quotation_kind(text[c_start:c_end]), stance=stance,
            source_start=source[0] if source else None,
            source_end=source[1] if source else None,
            source_text=s_text, source_actor=actor, source_kind=kind))
    return _nest(doc, result)


def _sentence_of(starts: list[int], offset: int) -> int:
    import bisect

    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _cue_head(cue: Span) -> Token:
    verbs = [t for t in cue if t.pos_ in VERBAL]
    return verbs[0] if verbs else cue.root


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pick_source(doc: Doc, cue: Span, head: Token, sources: list[tuple[int, int]],
                 sentence: Span) -> tuple[int, int] | None:
    """The tagged source in the cue's subject (or "according to" object), else the nearest."""
    lo, hi = sentence.start_char, sentence.end_char
    candidates = [s for s in sources if lo <= s[0] < hi]
    if not candidates:
        return None
    args = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "agent", "pobj"}]
    if cue.root.lower_ in {"according", "to"} or cue[0].lower_ == "according":
        args += [t for t in cue.subtree if t.dep_ == "pobj"]
    for arg in args:
        subtree = (arg.left_edge.idx, arg.right_edge.idx + len(arg.right_edge.text))
        for s in candidates:
            if _overlaps(s, subtree):
                return s
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        return None  # the cue has a subject of its own: take it from the parse
    return min(candidates, key=lambda s: min(abs(s[1] - cue.start_char),
                                              abs(s[0] - cue.end_char)))


def _pick_content(doc: Doc, cue: Span, head: Token, contents: list[tuple[int, int]],
                  sentence: Span) -> tuple[int, int] | None:
    """The tagged content that is an argument of the cue, else the nearest in the paragraph."""
    para_start = _text(doc).rfind("\n", 0, cue.start_char) + 1
    para_end = _text(doc).find("\n", cue.end_char)
    para_end = len(_text(doc)) if para_end < 0 else para_end
    candidates = [c for c in contents if para_start <= c[0] < para_end
                  and not _overlaps(c, (cue.start_char, cue.end_char))]
    if not candidates:
        return None
    for child in head.children:
        if child.dep_ in {"ccomp", "xcomp", "dobj", "parataxis", "advcl", "prep", "attr",
                          "npadvmod", "conj"}:
            subtree = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
            for c in candidates:
                if _overlaps(c, subtree):
                    return c
    # A verb of saying after a quotation points back to it ("...," he said).
    return min(candidates, key=lambda c: min(abs(c[1] - cue.start_char),
                                              abs(c[0] - cue.end_char)))


def _clip(doc: Doc, content: tuple[int, int], sentence: Span) -> tuple[int, int]:
    """Keep reported (unquoted) content inside the sentence of its cue."""
    start, end = content
    text = _text(doc)[start:end]
    if any(q in text for q in QUOTE_CHARS) or not sentence.start_char <= start:
        return content
    if end > sentence.end_char:
        stop = _text(doc)[start:sentence.end_char].rstrip().rstrip(".!?;:").rstrip()
        if stop:
            return (start, start + len(stop))
    return content


def _parse_content(cue: Span, head: Token) -> tuple[int, int] | None:
    """The cue verb's clausal complement, for cues the tagger found without content."""
    for child in head.children:
        if child.dep_ in {"ccomp", "xcomp", "dobj"} and child.i not in range(cue.start, cue.end):
            left, right = child.left_edge, child.right_edge
            while right.is_punct and right.i > left.i:
                right = right.doc[right.i - 1]
            return (left.idx, right.idx + len(right.text))
    if cue[0].lower_ in {"by", "according"}:  # "by X's tallies, [clause]"
        sent = cue.sent
        rest = [t for t in sent if t.i >= cue.end and not t.is_punct and t.head.i not in
                range(cue.start, cue.end) and t.i not in {c.i for c in cue.subtree}]
        if not rest:
            rest = [t for t in sent if t.i < cue.start and not t.is_punct]
        if rest:
            return (rest[0].idx, rest[-1].idx + len(rest[-1].text))
    return None


def _parse_source(cue: Span, head: Token) -> tuple[int, int] | None:
    """The cue's subject, or the owner of the tally in "by Israel's tallies"."""
    for child in head.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                o = objs[0]
                return (o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text))
    for token in cue:
        if token.lower_ in TALLY_NOUNS:
            mods = [c for c in token.children if c.dep_ in {"poss", "amod", "compound"}]
            if mods:
                first = min(m.left_edge.i for m in mods)
                last = max(m.right_edge.i for m in mods)
                doc = cue.doc
                end_tok = doc[last]
                if end_tok.dep_ == "case":  # drop "'s"
                    end_tok = doc[last - 1]
                return (doc[first].idx, end_tok.idx + len(end_tok.text))
    if cue[0].lower_ == "according":
        objs = [t for t in cue.subtree if t.dep_ == "pobj"]
        if objs:
            o = objs[0]
            return (o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text))
    return None


def stance_of(doc: Doc, head: Token, cue_start: int, cue_end: int) -> str:
    """What the source does with the content, from the cue's words."""
    cue = _tokens_in(doc, cue_start, cue_end)
    words = [t for t in cue] if cue is not None else [head]
    for token in [head, *words]:
        stance = STANCE_OF.get(token.lemma_.lower())
        if stance:
            return stance
    return "asserts"


def quotation_kind(content: str) -> str:
    """Direct when the content is one quotation, mixed when it holds one, else indirect."""
    stripped = content.strip().rstrip(".,;:")
    if not any(q in stripped for q in QUOTE_CHARS):
        return "indirect"
    if stripped[:1] in QUOTE_CHARS and stripped[-1:] in QUOTE_CHARS | {"’", "'"}:
        inner = stripped[1:-1]
        if not any(q in inner for q in "\"“”"):
            return "direct"
        return "direct" if inner.count("“") == inner.count("”") else "mixed"
    if stripped[:1] in QUOTE_CHARS and content.rstrip()[-1:] in QUOTE_CHARS:
        return "direct"
    return "mixed"


UNNAMED_HEADS = {"official", "officials", "source", "sources", "spokesman", "spokeswoman",
                 "spokesperson", "witness", "witnesses", "resident", "residents", "analyst",
                 "analysts", "expert", "experts", "diplomat", "diplomats", "report", "reports",
                 "observer", "observers", "people", "someone", "critic", "critics",
                 "authorities", "aide", "aides", "staff"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


def resolve_source(mentions: Sequence[Mention], source: tuple[int, int] | None, text: str,
                   cue_start: int) -> tuple[str | None, str]:
    """Canonical actor for a source span, and whether it is named, a pronoun or unnamed.

    A pronoun takes the nearest preceding person (he/she) or group (they/it) mentioned in the
    article; a surname takes the fullest name it is part of, so "Netanyahu" and
    "Benjamin Netanyahu" are one actor.
    """
    if source is None:
        return None, "none"
    inside = [m for m in mentions if m.label in ACTOR_LABELS
              and source[0] <= m.start and m.end <= source[1]]
    if inside:
        best = max(inside, key=lambda m: (m.label in {"PERSON", "ORG"}, m.end - m.start))
        return _canonical(mentions, best), "named"
    words = text.lower().split()
    if len(words) == 1 and words[0] in PRONOUNS:
        want = {"PERSON"} if words[0] in {"he", "she", "him", "her", "i"} else \
            {"ORG", "GPE", "NORP", "PERSON"}
        before = [m for m in mentions if m.label in want and m.end <= source[0]]
        if before:
            return _canonical(mentions, before[-1]), "pronoun"
        return None, "pronoun"
    if words and words[-1].strip(",.") in UNNAMED_HEADS:
        return None, "unnamed"
    return text.strip() or None, "named" if text[:1].isupper() else "unnamed"


def _canonical(mentions: Sequence[Mention], mention: Mention) -> str:
    name = mention.text.removesuffix("'s").removesuffix("’s").strip()
    if mention.label != "PERSON":
        return name
    longer = [m.text for m in mentions if m.label == "PERSON" and m.text != name
              and m.text.endswith(" " + name.split()[-1])]
    return max(longer, key=len) if longer and len(name.split()) == 1 else name


def _nest(doc: Doc, records: list[Attribution]) -> list[Attribution]:
    """Set ``parent``: the innermost other attribution whose content holds this one's cue.

    "Citing" cues ("Reuters reported, citing army sources, ...") report the same content
    as the attribution they hang from: that one becomes the parent and lends its content.
    """
    from dataclasses import replace

    out = list(records)
    for i, rec in enumerate(records):
        holders = [r for r in records if r is not rec and r.content_start <= rec.cue_start
                   and rec.cue_end <= r.content_end]
        parent = min(holders, key=lambda r: r.content_end - r.content_start, default=None)
        lemma = _tokens_in(doc, rec.cue_start, rec.cue_end)
        citing = lemma is not None and lemma.root.lemma_.lower() in CITING_LEMMAS
        if citing:
            gov = lemma.root.head
            outer = [r for r in records if r is not rec and r.cue_start <= gov.idx < r.cue_end]
            if outer:
                o = outer[0]
                cited = [c for c in lemma.root.children if c.dep_ == "dobj"]
                source = {}
                if cited:
                    first, last = cited[0].left_edge, cited[0].right_edge
                    start, end = first.idx, last.idx + len(last.text)
                    source = {"source_start": start, "source_end": end,
                              "source_text": _text(doc)[start:end], "source_actor": None,
                              "source_kind": "unnamed" if not cited[0].ent_type_ else "named"}
                    if cited[0].ent_type_:
                        source["source_actor"] = _text(doc)[start:end]
                out[i] = replace(rec, parent=o.id, content_start=o.content_start,
                                 content_end=o.content_end, content_text=o.content_text,
                                 kind=o.kind, **source)
                continue
        if parent is not None:
            out[i] = replace(rec, parent=parent.id)
    return out
