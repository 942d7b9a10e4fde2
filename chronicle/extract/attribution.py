"""Attribution: who said (denied, claimed, estimated) what, found in a parsed article.

Linear-chain CRFs (``attribution.crfsuite.*``, trained on PolNeAR by
``bench/train_attribution.py``) tag paragraph by paragraph: first the cues, then source and
content with features that place each token relative to the cues found (which branch of the
cue's verb it hangs from, on which side, how far). Every token also carries the clause
structure around it (which argument of which verb it belongs to, what arguments a verb
takes, which phrase it opens or closes), so that "the army said [content]" and "[content],
the army said" generalise beyond the training words. Tags are BIOES (``span_tags``). (The
parser's contextual token vectors as features gave the cue tagger 0.009 more F1 on
PolNeAR's dev split and tripled the cost of tagging: left out.)

By default a learned tagger labels the spans instead (``SPAN_TAGGERS``): a BiLSTM over static
MiniLM vectors and the same features, with a CRF head per label (``attribution_tagger.py``,
trained by ``bench/train_attribution_tagger.py``); the CRFs stay for comparison.

The tagged spans are then linked into ``Attribution`` records with the dependency parse,
and a few rules add what the newswire training data rarely shows ("by Israel's tallies",
"X reported, citing Y", transcript turns, quotations signed "― Name").

Nothing here knows about a particular conflict: stance comes from the cue's verb, and the
source is resolved only against the article's own entity mentions.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG
from spacy.tokens import Doc, Span, Token

from chronicle.extract.lexicon import VERBAL_ATTACK_VERBS, attack_sense
from chronicle.extract.stage import doc_text
from chronicle.model import Article, Attribution, Mention, ReadArticle

MODEL_PATH = Path(__file__).with_name("attribution.crfsuite")
LABELS = ("Source", "Cue", "Content")
# double quotation marks, and '' and `` as some papers write them
QUOTE_MARK = re.compile(r"''|``|[\"“”«»]")
VERBAL = {"VERB", "AUX"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis", "acl", "pcomp"}
# Arguments that tell a verb (or noun) of saying from other uses: "said [that ...]".
FRAME_DEPS = {"ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "prep", "parataxis", "advcl",
              "dative", "agent", "attr", "prt"}
NOUN_FRAME_DEPS = {"acl", "prep", "poss", "relcl", "ccomp"}
RELATIVE_PRONOUNS = {"who", "which"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which"}
FIRST_PERSON = {"i", "we", "me", "us"}
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Words before a name that give a person's gender: "Mrs. Clinton", "Congressman Lewis".
TITLE_GENDER = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "spokesman", "congressman",
                     "businessman", "councilman", "husband", "father", "brother", "son"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess",
                     "spokeswoman", "congresswoman", "businesswoman", "councilwoman",
                     "chairwoman", "wife", "mother", "sister", "daughter"), "f"),
}

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
RULE_CUE_WORDS = {"according", "by"}  # words opening the cues ``_rule_cues`` adds
# Verbs that report what someone said, kept as cues when the tagger misses them with a clause.
REPORTING_LEMMAS = {"say", "tell", "report", "announce", "claim", "deny", "state", "confirm",
                    "allege", "declare", "insist", "warn", "acknowledge", "admit"}
SAYING_LEMMAS = {"say", "tell"}  # verbs whose subject is nearly always who speaks


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


def quote_marks(text: str, start: int, end: int) -> dict[int, bool]:
    """The double quotation marks in ``text[start:end]`` by offset, each with whether it
    opens a quotation. Curly marks say so by their shape; a straight mark (", '') opens
    before a word and closes after one."""
    marks = {}
    for mark in QUOTE_MARK.finditer(text, start, end):
        at, after = mark.span()
        if mark[0] in {'"', "''"}:
            before = text[at - 1] if at else " "
            marks[at] = (not before.isalnum() and before not in ".,;:!?"
                         and text[after:after + 1].strip() != "")
        else:
            marks[at] = mark[0] in {"“", "«", "``"}
    return marks


def _runs_on(marks: dict[int, bool]) -> bool:
    """Whether a paragraph with these quotation ``marks`` opens inside a quotation: its
    first mark closes one, run on from the paragraph before."""
    return bool(marks) and not marks[min(marks)]


def _quote_state(tokens: Sequence[Token]) -> list[int]:
    """1 for tokens inside quotation marks (the marks included), else 0."""
    doc = tokens[0].doc
    table = TokenTable.of(doc)
    marks = quote_marks(doc_text(doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    inside = _runs_on(marks)
    state = []
    for token in tokens:
        opens = marks.get(table.idx[token.i])
        state.append(1 if inside or opens is not None else 0)
        if opens is not None:
            inside = opens
    return state


class TokenTable:
    """Each token's attributes as plain lists, read once per document: the features walk
    heads and edges many times, and spaCy builds a new Token object on every access. A
    token's edges are those of its whole subtree; spaCy's own ``right_edge`` can stop short
    of it in a non-projective parse (4 paragraphs in 6,704 of Timeline17 differ)."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        columns = doc.to_array([LOWER, LEMMA, TAG, DEP, POS, ENT_TYPE, SHAPE]).T.tolist()
        self.idx = doc.to_array(IDX).tolist()
        self.lower, lemma, self.tag, self.dep, self.pos, self.ent, shape = (
            [strings[value] for value in column] for column in columns)
        self.lemma = [word.lower() for word in lemma]
        self.shape = [word[:4] for word in shape]
        self.start = [int(value == 1) for value in doc.to_array(SENT_START).tolist()]
        offsets = doc.to_array(HEAD).view("int64").tolist()  # signed: heads lie either side
        self.head = [i + offset for i, offset in enumerate(offsets)]
        self.left = list(range(len(doc)))
        self.right = list(range(len(doc)))
        self.children: list[list[int]] = [[] for _ in range(len(doc))]
        roots = []
        for i, head in enumerate(self.head):
            if head != i:
                self.children[head].append(i)  # in document order, as spaCy gives them
            else:
                roots.append(i)
        order = []  # every token before its children
        while roots:
            node = roots.pop()
            order.append(node)
            roots.extend(self.children[node])
        for node in reversed(order):  # children first: a subtree spans its children's
            for child in self.children[node]:
                self.left[node] = min(self.left[node], self.left[child])
                self.right[node] = max(self.right[node], self.right[child])

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        table = doc.user_data.get("chronicle_token_table")
        if table is None:
            table = doc.user_data["chronicle_token_table"] = cls(doc)
        return table

    def clause_head(self, i: int) -> tuple[int | None, str]:
        """The nearest verb above token ``i`` and the relation of the branch it hangs from."""
        node = i
        for _ in range(12):
            head = self.head[node]
            if head == node:
                return None, "ROOT"
            pos = self.pos[head]
            if pos in VERBAL or (self.dep[head] in CLAUSE_DEPS and pos != "NOUN"):
                return head, self.dep[node]
            node = head
        return None, self.dep[i]

    def edge_features(self, i: int) -> list[str]:
        """The largest phrase the token opens or closes ("le=ccomp|say": first word of what
        was said), where a content's boundaries fall."""
        opens = closes = None
        node = i
        for _ in range(30):
            if self.left[node] == i:
                opens = node
            if self.right[node] == i:
                closes = node
            head = self.head[node]
            if head == node:
                break
            node = head
        f = []
        for key, phrase in (("le", opens), ("re", closes)):
            if phrase is not None and phrase != i:
                dep = self.dep[phrase]
                f += [f"{key}={dep}", f"{key}={dep}|{self.lemma[self.head[phrase]]}"]
        return f

    def frame(self, verb: int) -> list[str]:
        """The verb with the arguments it takes: "say" with a clause, "tell" with a listener,
        and who its subject is (a person, a pronoun, an organisation): what makes a verb a
        cue."""
        lemma = self.lemma[verb]
        f = []
        for child in self.children[verb]:
            dep = self.dep[child]
            if dep in FRAME_DEPS:
                f.append("lc=" + lemma + "|" + dep)
                if dep == "ccomp":
                    f.extend("cm=" + self.lower[m] for m in self.children[child]
                             if self.dep[m] == "mark")
                elif dep in {"nsubj", "nsubjpass"}:
                    pos = self.pos[child]
                    kind = "PRON" if pos == "PRON" else self.ent[child] or pos
                    f.extend(("sk=" + kind, "lsk=" + lemma + "|" + kind))
        return f


def token_features(tokens: Sequence[Token]) -> list[list[str]]:
    """Feature strings for each token of a paragraph (see the module docstring)."""
    quotes = _quote_state(tokens)
    table = TokenTable.of(tokens[0].doc)
    lemmas, tags, deps = table.lemma, table.tag, table.dep
    positions = [token.i for token in tokens]
    base = []
    above: dict[int, tuple[int | None, str]] = {}  # a verb's own clause head, found once
    for i in positions:
        gov1, rel1 = table.clause_head(i)
        if gov1 is None:
            gov2, rel2 = None, "-"
        else:
            if gov1 not in above:
                above[gov1] = table.clause_head(gov1)
            gov2, rel2 = above[gov1]
        l1 = lemmas[gov1] if gov1 is not None else "-"
        l2 = lemmas[gov2] if gov2 is not None else "-"
        side1 = "-" if gov1 is None else ("L" if i < gov1 else "R")
        base.append((table.lower[i], lemmas[i], tags[i], deps[i], rel1, l1, rel2, l2, side1))
    out = []
    n = len(positions)
    for k, i in enumerate(positions):
        lower, lemma, tag, dep, rel1, l1, rel2, l2, side1 = base[k]
        head = table.head[i]
        children = table.children[i]
        f = [
            "b", "w=" + lower, "l=" + lemma, "t=" + tag, "d=" + dep,
            "hl=" + lemmas[head], "hd=" + dep + "|" + table.pos[head],
            "r1=" + rel1, "g1=" + l1, "r1g1=" + rel1 + "|" + l1, "s1=" + side1 + rel1,
            "r2=" + rel2, "g2=" + l2, "r2g2=" + rel2 + "|" + l2, "r1r2=" + rel1 + "|" + rel2,
            f"q={quotes[k]}", "sh=" + table.shape[i],
            f"ss={table.start[i]}", f"nk={len(children)}",
        ]
        if table.ent[i]:
            f.append("e=" + table.ent[i])
        f.extend(table.edge_features(i))
        pos = table.pos[i]
        if pos in VERBAL:
            f.extend("c=" + deps[c] for c in children)
            f.extend(table.frame(i))
        elif pos == "NOUN":
            f.extend("nc=" + lemma + "|" + deps[c] for c in children
                     if deps[c] in NOUN_FRAME_DEPS)
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


# Which tagger labels each kind of span: "crf" (the CRFsuite models above) or "network" (the
# BiLSTM-CRF of attribution_tagger.py; source and content CRFs read the cues of whichever
# tagger labels cues). PolNeAR dev exact F1 through linking, source / cue / content: CRFs
# 0.771 / 0.729 / 0.643, network 0.791 / 0.737 / 0.655, network cues with CRF source and
# content 0.789 / 0.737 / 0.652.
SPAN_TAGGERS = {"Source": "network", "Cue": "network", "Content": "network"}


def tag_spans(doc: Doc, taggers_by_label: dict[str, str] | None = None,
              ) -> dict[str, list[tuple[int, int]]]:
    """Character spans the taggers label as source, cue and content in ``doc``.

    Cues are tagged first; source and content are tagged with features that place each
    token relative to those cues (see ``cue_features``).
    """
    import pycrfsuite

    use = taggers_by_label or SPAN_TAGGERS
    taggers = _taggers(str(MODEL_PATH))
    spans: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
    paras = list(paragraphs(doc))
    features = [token_features(tokens) for tokens in paras]
    network: list[dict[str, list[str]]] = []
    if "network" in use.values():
        from chronicle.extract.attribution_tagger import tag_paragraphs

        network = tag_paragraphs([[t.text for t in tokens] for tokens in paras], features)
    for k, tokens in enumerate(paras):
        if use["Cue"] == "network":
            cue_tags = network[k]["Cue"]
        else:
            cue_tags = taggers["Cue"].tag(  # type: ignore[attr-defined]
                pycrfsuite.ItemSequence(items(features[k])))
        spans["Cue"].extend(bio_spans(tokens, cue_tags))
        if all(tag == "O" for tag in cue_tags) and not any(
                token.lower_ in RULE_CUE_WORDS for token in tokens):
            continue  # a source or content is only ever taken for a cue of its paragraph
        stacked = None
        for label in ("Source", "Content"):
            if use[label] == "network":
                tags = network[k][label]
            else:
                if stacked is None:
                    stacked = pycrfsuite.ItemSequence(
                        items(with_cues(tokens, features[k], cue_tags)))
                tags = taggers[label].tag(stacked)  # type: ignore[attr-defined]
            spans[label].extend(bio_spans(tokens, tags))
    return spans


def span_tags(tokens: Sequence[Token], spans: set[tuple[int, int]]) -> list[str]:
    """BIOES tags of ``tokens`` for character ``spans``: B, I and E for the first, inner and
    last token of a span, S for a span of one token, O outside. (A tag of its own for a
    span's last token lets the tagger learn where content ends: dev content F1 0.624 with
    B/I/O, 0.638 with these.) Outer spans win over spans nested in them."""
    tags = ["O"] * len(tokens)
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        inside = [k for k, token in enumerate(tokens)
                  if token.idx < end and token.idx + len(token.text) > start]
        if not inside or tags[inside[0]] != "O":
            continue  # nested inside a span already tagged
        run = [k for k in inside if tags[k] == "O"]
        for k in run:
            tags[k] = "I"
        tags[run[0]] = "B"
        tags[run[-1]] = "S" if len(run) == 1 else "E"
    return tags


def _runs(tags: Sequence[str]) -> list[range]:
    """Positions of the spans in BIOES ``tags`` (a run the tagger leaves open or starts
    with I or E still counts)."""
    runs = []
    start = None
    for k, tag in enumerate([*tags, "O"]):
        if start is not None and tag in {"O", "B", "S"}:
            runs.append(range(start, k))
            start = None
        if start is None and tag != "O":
            start = k
        if start is not None and tag in {"E", "S"}:
            runs.append(range(start, k + 1))
            start = None
    return runs


def _distance(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6-10" if n < 11 else "far"


def items(features: list[list[str]]) -> list[dict[str, list[str]]]:
    """CRFsuite items: each token's feature strings, under "f"."""
    return [{"f": f} for f in features]


def with_cues(tokens: Sequence[Token], features: list[list[str]], cue_tags: Sequence[str],
              ) -> list[list[str]]:
    """``features`` with ``cue_features`` added, for the source and content taggers."""
    return [f + c for f, c in zip(features, cue_features(tokens, cue_tags), strict=True)]


def cue_features(tokens: Sequence[Token], cue_tags: Sequence[str]) -> list[list[str]]:
    """Where each token stands relative to the cues of its sentence.

    Which branch of the cue's head it hangs from ("nsubj" for a source, "ccomp" for reported
    content), whether it governs the cue ("the army said" inside "[...], the army said"),
    on which side and how far: what ties a source and a content to their cue.
    """
    runs = _runs(cue_tags)
    if not runs:  # most paragraphs report nothing
        return [["cr=none", "cp=-"] for _ in tokens]
    sentence = []
    sid = 0
    for k, token in enumerate(tokens):
        sid += int(k > 0 and token.is_sent_start)
        sentence.append(sid)
    heads = [_cue_head(tokens[r.start].doc[tokens[r.start].i:tokens[r.stop - 1].i + 1])
             for r in runs]
    quotes = _quote_state(tokens)
    out = []
    for k, token in enumerate(tokens):
        inside = [n for n, r in enumerate(runs) if k in r]
        if inside:
            out.append(["cr=cue"])
            continue
        same = sorted((n for n, r in enumerate(runs) if sentence[r.start] == sentence[k]),
                      key=lambda n: min(abs(k - runs[n].start), abs(k - runs[n].stop + 1)))
        if not same:
            side = [("L" if k < r.start else "R") for r in runs]
            out.append(["cr=none", "cp=" + ("".join(sorted(set(side))) or "-")])
            continue
        f = []
        for rank, n in enumerate(same[:2]):
            head = heads[n]
            side = "L" if k < runs[n].start else "R"
            rel = _relation(token, head)
            f.extend([f"cr{rank}={rel}", f"crs{rank}={rel}|{side}",
                      f"crq{rank}={rel}|{quotes[k]}"])
            if rank == 0:
                gap = runs[n].start - k if side == "L" else k - runs[n].stop + 1
                f.extend(["cd=" + side + _distance(gap), "crl=" + rel + "|" + head.lemma_.lower()])
        out.append(f)
    return out


def _relation(token: Token, head: Token) -> str:
    """How ``token`` hangs from a cue's ``head``: the relation of its branch, "gov" when the
    token governs the cue, "-" when neither. (Tokens are compared by position: spaCy makes
    a new Token object on every access.)"""
    node = token
    for _ in range(20):
        if node.head.i == head.i and node.i != head.i:
            return node.dep_
        if node.head.i == node.i:
            break
        node = node.head
    node = head
    for _ in range(20):
        if node.head.i == token.i:
            return "gov"
        if node.head.i == node.i:
            break
        node = node.head
    return "-"


def bio_spans(tokens: Sequence[Token], tags: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of the runs in BIOES ``tags``."""
    return [(tokens[run.start].idx, tokens[run.stop - 1].idx + len(tokens[run.stop - 1].text))
            for run in _runs(tags)]


# --- linking ---------------------------------------------------------------------------------


def extract_attributions(article: Article, doc: Doc, read: ReadArticle) -> list[Attribution]:
    """Every attribution in the article, nested ones linked to the one reporting them."""
    spans = tag_spans(doc)
    spans["Cue"] = _split_citing(doc, spans["Cue"])
    spans["Cue"].extend(_rule_cues(doc, spans["Cue"], spans["Content"]))
    return link(article, doc, read, spans, labelled_quotations(doc))


def _split_citing(doc: Doc, cues: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cues split where "citing" or "quoting" follows the reporting verb: "reported citing
    the army" is two cues, as annotators mark them, so the cited source nests (:func:`_nest`)."""
    out = []
    for start, end in cues:
        cue = _tokens_in(doc, start, end)
        cut = next((t for t in cue[1:] if t.tag_ == "VBG" and t.lemma_.lower() in
                    CITING_LEMMAS), None) if cue is not None else None
        words = [t for t in cue[:cut.i - cue.start] if not t.is_punct] if cut else []
        if not words:
            out.append((start, end))
            continue
        out += [(start, words[-1].idx + len(words[-1].text)), (cut.idx, end)]
    return out


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _rule_cues(doc: Doc, cues: list[tuple[int, int]], contents: list[tuple[int, int]],
               ) -> list[tuple[int, int]]:
    """Cues newswire training data rarely has: "by X's tallies", "according to", a report
    inside reported content ("reported that the army had said ..."), and a denial
    (:func:`_denier`: "Israel, which inspects all shipments, denies restricting food").

    Other verbs of saying the tagger leaves out are not added back: on PolNeAR most of them
    ("blame ... for", "deny them permits", "said" in a quotation) report nothing.
    """
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
        elif token.idx not in taken and (_denier(token) is not None or (
                token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ == "VERB"
                and _reports_a_clause(token) and _inside(token.idx, contents))):
            found.append((token.idx, token.idx + len(token.text)))
    return found


def _denier(verb: Token) -> Token | None:
    """The named subject of a verb of denial that denies an act or a report ("Israel denies
    restricting food", "the ministry rejected that any strike took place"), else None."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or STANCE_OF.get(lemma) != "denies":
        return None
    subject = _subject(verb)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    denied = any((c.tag_ == "VBG" and c.dep_ in {"xcomp", "dobj", "ccomp"}) or (
        c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children))
        for c in verb.children)
    return subject if denied else None


def _speaker(verb: Token) -> tuple[int, int] | None:
    """The noun subject of "say" or "tell" where the tagger gave no source: "The central
    bank kept rates unchanged and said ..." (a conjoined verb shares its subject). On
    PolNeAR dev this adds one source in 1,700 (subjects of other cues lower precision,
    see :func:`_parse_source`)."""
    if verb.lemma_.lower() not in SAYING_LEMMAS:
        return None
    subject = _subject(verb)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return _phrase(subject.left_edge, subject.right_edge)


def _subject(verb: Token) -> Token | None:
    """The verb's subject; a verb joined to another without one of its own ("Israel denies
    ... and says ...") shares the first verb's."""
    if verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        verb = verb.head
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _phrase(left: Token, right: Token) -> tuple[int, int]:
    """Character span from ``left`` to ``right``, without the punctuation and whitespace
    that end it ("Israel, which inspects all shipments," ends at "shipments")."""
    while (right.is_punct or right.is_space) and right.i > left.i:
        right = right.doc[right.i - 1]
    return (left.idx, right.idx + len(right.text))


def _reports_a_clause(verb: Token) -> bool:
    """"the army had said [the tunnel was destroyed]": a named subject and a clause with a
    subject of its own, what an inner report the tagger misses looks like."""
    deps = {c.dep_: c for c in verb.children}
    subject, clause = deps.get("nsubj"), deps.get("ccomp")
    return (subject is not None and subject.pos_ in {"NOUN", "PROPN"} and clause is not None
            and clause.pos_ in VERBAL
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children))


# "PENCE: Well, look ..." and "Q: ... A: ...": a speaker's label opening a paragraph
SPEAKER_LABEL = re.compile(r"^[\s\"“”]*([A-Z][A-Z'’.\- ]{0,30}[A-Z.]|[QA])\s*:\s+(\S.*?)\s*$",
                           re.MULTILINE)
NOT_SPEAKERS = {"UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "RELATED",
                "READ MORE", "WATCH", "LISTEN", "CORRECTION", "CLARIFICATION", "VIDEO",
                "PHOTOS", "SEE ALSO", "ALSO", "BREAKING", "EXCLUSIVE", "ADVERTISEMENT", "MORE",
                "FACT CHECK", "TRANSCRIPT", "SOURCE", "SOURCES", "PS", "P.S."}
# "Pat Caddell: Democrat Voters Worried ...": a headline that gives a name and what they said
NAMED_LABEL = re.compile(r"^[ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}):[ \t]+(\S[^\n]*?)"
                         r"\.?[ \t]*$", re.MULTILINE)
# "“We are afraid.” ― Carla Sanchez": a quotation signed with a dash and a name
SIGNED_QUOTE = re.compile(r"^\s*([“\"”].*[”\"“])[\s\xa0]*(―|—|--)[\s\xa0]*"
                          r"([A-Z][\w'’.\-]*(?:[ \xa0]+[A-Z][\w'’.\-]*){0,4}?)\.?[\s\xa0]*$",
                          re.MULTILINE)


def labelled_quotations(doc: Doc) -> list[dict]:
    """Attributions marked by layout, not by words: transcript turns ("WALLACE: ...", "Q:
    ..."; two turns at least, for one capitalised label and a colon is as often a heading),
    headlines opening with a speaker's name ("Pence: ..."; PolNeAR dev: 5 of 7 such cues,
    no false one) and quotations signed "― Name"."""
    text = doc_text(doc)
    found = []
    turns = [m for m in SPEAKER_LABEL.finditer(text)
             if m.group(1).strip() not in NOT_SPEAKERS]
    for m in turns if len(turns) >= 2 else []:
        cue = text.index(":", m.end(1))
        found.append(_layout_record(doc, m.span(1), (cue, cue + 1), m.span(2)))
    for m in NAMED_LABEL.finditer(text):
        if _names_a_speaker(doc, *m.span(1)):
            found.append(_layout_record(doc, m.span(1), (m.end(1), m.end(1) + 1), m.span(2)))
    for m in SIGNED_QUOTE.finditer(text):
        start, end = m.span(3)
        if text[end - 1] == "." and len(text[start:end].split()[-1]) > 2:  # not "P."
            end -= 1  # the sentence's full stop
        found.append(_layout_record(doc, (start, end), m.span(2), m.span(1)))
    return [r for r in found if r is not None]


def _names_a_speaker(doc: Doc, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a person, or a person or organisation the article
    names elsewhere ("Pence: ..." with "Mike Pence" further on). A place before a colon is
    a dateline ("Washington: ..."), a heading is no one ("Veto Power Impedes Peace Efforts:
    ..." although the recogniser calls it an organisation)."""
    span = doc.char_span(start, end)
    if span is None or span.text.isupper():
        return False
    name = span.text
    for e in doc.ents:
        if e.label_ == "PERSON" and (e.start, e.end) == (span.start, span.end):
            return True
        if e.label_ in {"PERSON", "ORG"} and e.start != span.start and (
                e.text == name or e.text.endswith(" " + name)):
            return True
    return False


def _layout_record(doc: Doc, source: tuple[int, int], cue: tuple[int, int],
                   content: tuple[int, int]) -> dict | None:
    span = _tokens_in(doc, *cue)
    if span is None:
        return None
    return {"cue": cue, "source": source, "content": content, "head": span.root}


def link(article: Article, doc: Doc, read: ReadArticle,
         spans: dict[str, list[tuple[int, int]]], layout: Sequence[dict] = ()
         ) -> list[Attribution]:
    """Pair each cue with the source and content spans that belong to it; ``layout``
    records (:func:`labelled_quotations`) stand for the tagged cues they overlap."""
    sources = sorted(set(spans["Source"]))
    contents = sorted(set(spans["Content"]))
    cues = [(cue, _cue_head(cue)) for cue in (_tokens_in(doc, start, end)
                                              for start, end in sorted(set(spans["Cue"])))
            if cue is not None]
    cues, contents = _without_strikes(cues, contents)
    starts = [s.start for s in read.sentences]
    mentions = ArticleMentions(read.mentions, doc)
    text = article.text
    records: list[dict] = []
    for cue, head in cues:
        cue_start, cue_end = cue.start_char, cue.end_char
        sentence = cue.sent
        source = _pick_source(doc, cue, head, sources, sentence)
        content = _pick_content(doc, cue, head, contents, sentence)
        if content is None or _denier(head) is not None:
            # what a denial denies is its verb's complement ("denies [restricting food]")
            parsed = _parse_content(cue, head)
            if content is None or (parsed and not _overlaps(content, parsed)):
                content = parsed
        if content is None:
            continue
        content = _clip(doc, content, sentence)
        if cue[0].lower_ == "according":
            content = _closing_relative(cue, [c for c, _ in cues]) or content
        if source is None:
            source = _parse_source(cue, head, nested=_inside(cue_start, contents))
        if source is None and head.dep_ == "conj" and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            # "Israel denies ... and says ...": the second verb shares the first's source
            source = next((r["source"] for r in records if r["head"].i == head.head.i), None)
        if source is None:
            source = _speaker(head)
        records.append({"cue": (cue_start, cue_end), "source": source, "content": content,
                        "head": head})
    records = [r for r in records if not any(_overlaps(r["cue"], x["cue"]) for x in layout)
               and not _is_dateline(text, r, mentions.mentions)]
    records.extend(layout)
    records.extend(_continuations(doc, records, contents))
    records.sort(key=lambda r: (r["cue"], r["content"]))
    result: list[Attribution] = []
    for n, record in enumerate(records):
        cue_start, cue_end = record["cue"]
        c_start, c_end = record["content"]
        head: Token = record["head"]
        source = record["source"]
        stance = stance_of(doc, head, cue_start, cue_end)
        s_text = text[source[0]:source[1]] if source else ""
        actor, kind = resolve_source(mentions, source, s_text)
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


def _without_strikes(cues: list[tuple[Span, Token]], contents: list[tuple[int, int]],
                     ) -> tuple[list[tuple[Span, Token]], list[tuple[int, int]]]:
    """Cues (with their heads) and contents without the physical attacks the tagger took
    for verbal ones ("an aircraft attacked [a cell]"), nor what they struck: a strike is
    not a claim."""
    struck = [(cue, head.idx, head.right_edge.idx + len(head.right_edge.text))
              for cue, head in cues if head.lemma_.lower() in VERBAL_ATTACK_VERBS
              and attack_sense(head) == "physical"]
    if not struck:
        return cues, contents
    return ([(cue, head) for cue, head in cues if not any(cue == s[0] for s in struck)],
            [c for c in contents if not any(s[1] <= c[0] and c[1] <= s[2] for s in struck)])


def _is_dateline(text: str, record: dict, mentions: Sequence[Mention]) -> bool:
    """"Washington: US Secretary of State ...": a place and a colon opening a paragraph
    say where the story was filed, not who speaks."""
    (cue_start, cue_end), source = record["cue"], record["source"]
    if text[cue_start:cue_end] != ":" or source is None:
        return False
    opens, _ = _paragraph(text, *source)
    return not text[opens:source[0]].strip() and any(
        m.label in {"GPE", "LOC"} and m.start <= source[0] and source[1] <= m.end
        for m in mentions)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the paragraph (line) holding ``text[start:end]``."""
    last = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if last < 0 else last


def _continuations(doc: Doc, records: list[dict], contents: list[tuple[int, int]],
                   ) -> list[dict]:
    """Records for tagged content no cue took: the parts of an interrupted quotation.

    In ``"A," he said. "B."`` the cue takes "A"; "B" is said by the same source through
    the same cue, so it gets a record of its own with the nearest cue of its paragraph.
    """
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)  # 1 where some record's content lies
    for record in records:
        start, end = record["content"]
        taken[start:end] = b"\x01" * (end - start)
    out = []
    for span in contents:
        if taken.find(1, span[0], span[1]) >= 0:
            continue
        para_start, para_end = _paragraph(text, *span)
        near = [r for r in records if para_start <= r["cue"][0] < para_end
                and not _overlaps(r["cue"], span)]
        if not near:
            continue
        best = min(near, key=lambda r: min(abs(r["cue"][0] - span[1]), abs(span[0] - r["cue"][1])))
        out.append({**best, "content": span})
        taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])
    return out


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _cue_head(cue: Span) -> Token:
    """The cue's main verb: "demanding" in "is demanding", not the auxiliary."""
    if cue.root.pos_ == "VERB":
        return cue.root
    verbs = [t for t in cue if t.pos_ == "VERB"] or [t for t in cue if t.pos_ in VERBAL]
    return verbs[0] if verbs else cue.root


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


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
        return None  # the cue has a subject of its own, not tagged as a source
    return min(candidates, key=lambda s: min(abs(s[1] - cue.start_char),
                                              abs(s[0] - cue.end_char)))


def _pick_content(doc: Doc, cue: Span, head: Token, contents: list[tuple[int, int]],
                  sentence: Span) -> tuple[int, int] | None:
    """The tagged content that is an argument of the cue, else the nearest in the paragraph."""
    text = doc_text(doc)
    para_start, para_end = _paragraph(text, cue.start_char, cue.end_char)
    candidates = [c for c in contents if para_start <= c[0] < para_end
                  and not _overlaps(c, (cue.start_char, cue.end_char))]
    if cue[0].lower_ in RULE_CUE_WORDS:
        # "..., by X's tallies." qualifies its own sentence, never the report after its full
        # stop (a sentence the parser split in two keeps its content)
        candidates = [c for c in candidates if not re.search(r"[.!?]", (
            text[cue.end_char:c[0]] if c[0] >= cue.end_char else text[c[1]:cue.start_char]))]
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
    text = doc_text(doc)[start:end]
    if QUOTE_MARK.search(text) or not sentence.start_char <= start:
        return content
    if end > sentence.end_char:
        stop = doc_text(doc)[start:sentence.end_char].rstrip().rstrip(".!?;:").rstrip()
        if stop:
            return (start, start + len(stop))
    return content


def _closing_relative(cue: Span, cues: Sequence[Span]) -> tuple[int, int] | None:
    """"Blinken had said he would push for aid to the enclave, where famine is imminent,
    according to the UN": where the sentence already reports someone's words, a relative
    clause ending at the cue's comma is what the closing "according to" vouches for (the
    parser hangs "according" on the main verb). Where nothing else is reported, the
    source vouches for the whole sentence, as the tagger's content has it."""
    doc = cue.doc
    k = cue.start - 1
    if k < 1 or doc[k].text != ",":
        return None
    node = doc[k - 1]
    while node.dep_ != "relcl" and node.head.i != node.i and node.head.i < cue.start:
        node = node.head
    left = node.left_edge
    if node.dep_ != "relcl" or node.right_edge.i != k - 1 or left.lower_ not in {
            "which", "who", "whose", "where"} or left.i == 0 or doc[left.i - 1].text != ",":
        return None
    sentence = cue.sent
    if not any(sentence.start_char <= c.start_char and c.end_char <= left.idx for c in cues):
        return None
    return (left.idx, doc[k - 1].idx + len(doc[k - 1].text))


def _parse_content(cue: Span, head: Token) -> tuple[int, int] | None:
    """The cue verb's clausal complement, for cues the tagger found without content."""
    for child in head.children:
        if child.dep_ in {"ccomp", "xcomp", "dobj"} and child.i not in range(cue.start, cue.end):
            return _phrase(child.left_edge, child.right_edge)
    if cue[0].lower_ in RULE_CUE_WORDS:  # "by X's tallies, [clause]"
        sent = cue.sent
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        rest = [t for t in words if t.i >= cue.end and t.head.i not in range(cue.start, cue.end)
                and t.i not in {c.i for c in cue.subtree}]
        if not rest:
            rest = [t for t in words if t.i < cue.start]
        if rest:
            return (rest[0].idx, rest[-1].idx + len(rest[-1].text))
    return None


def _parse_source(cue: Span, head: Token, nested: bool) -> tuple[int, int] | None:
    """The owner of the tally in "by Israel's tallies", the object of "according to", the
    subject of a denial (:func:`_denier`), or, for a cue inside reported content
    (``nested``), the named subject of a verb reporting a clause ("[...] that the army had
    said [...]").

    Other subjects are left to the tagger, which knows a cue's subject for its source and
    leaves out those that are none (on PolNeAR, taking them all from the parse lowered
    precision).
    """
    subject = _denier(head)
    if nested and _reports_a_clause(head):
        subject = next(c for c in head.children if c.dep_ == "nsubj")
    if subject is not None:
        return _phrase(subject.left_edge, subject.right_edge)  # "Israel, which ..., denies"
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
        if stance == "denies" and _deprives(token):
            continue
        if stance:
            return stance
    return "asserts"


def _deprives(verb: Token) -> bool:
    """"Kurds are denied citizenship": a passive verb of denial that keeps an object
    withholds something; it denies no claim ("the reports were denied")."""
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "dobj" in deps


def quotation_kind(content: str) -> str:
    """Direct when the content is one quotation (or the end of one run on from the
    paragraph before), mixed when it holds one, else indirect."""
    stripped = content.strip().rstrip(".,;:").rstrip()
    marks = quote_marks(stripped, 0, len(stripped))
    if not marks:
        return "indirect"
    last = max(marks)
    closes_at_end = not marks[last] and QUOTE_MARK.fullmatch(stripped, last) is not None
    if closes_at_end and len(marks) == 1:
        return "direct"  # run on from the paragraph before
    inner = [opens for at, opens in marks.items() if at not in {0, last}]
    if marks.get(0) and closes_at_end and inner.count(True) == inner.count(False):
        return "direct"
    return "mixed"


UNNAMED_HEADS = {"official", "officials", "source", "sources", "spokesman", "spokeswoman",
                 "spokesperson", "witness", "witnesses", "resident", "residents", "analyst",
                 "analysts", "expert", "experts", "diplomat", "diplomats", "report", "reports",
                 "observer", "observers", "people", "someone", "critic", "critics",
                 "authorities", "aide", "aides", "staff"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


class ArticleMentions:
    """An article's entity mentions in text order, with what finding a source's actor needs
    ready: their start offsets, the full name each surname stands for, and which mentions
    are a clause's subject or lie inside a quotation (what a pronoun's antecedent is and is
    not)."""

    def __init__(self, mentions: Sequence[Mention], doc: Doc | None = None) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        # surname → the name ending with it the article uses most, the longer on a tie
        # ("Hillary Clinton" five times beats "Crooked Hillary Clinton" quoted once)
        names = Counter(m.text for m in self.mentions
                        if m.label == "PERSON" and len(m.text.split()) > 1)
        self.full_names: dict[str, str] = {}
        for name, _ in sorted(names.items(), key=lambda x: (x[1], len(x[0]))):
            self.full_names[name.split()[-1]] = name
        self.doc = doc
        self._subject: dict[int, bool] = {}  # mention start → is a subject, found on demand
        self._genders: dict[str, str] | None = None  # full name → "m" or "f", found on demand
        self._marks: dict[int, dict[int, bool]] = {}  # paragraph start → its quotation marks

    def in_quotes(self, offset: int) -> bool:
        """Whether ``offset`` lies inside quotation marks, or before the mark closing a
        quotation run on from the paragraph before (:func:`quote_marks`)."""
        if self.doc is None:
            return False
        text = doc_text(self.doc)
        start, end = _paragraph(text, offset, offset)
        if start not in self._marks:
            self._marks[start] = quote_marks(text, start, end)
        marks = self._marks[start]
        before = [at for at in marks if at < offset]
        return marks[max(before)] if before else _runs_on(marks)

    def head_mention(self, span: tuple[int, int], inside: Sequence[Mention],
                     ) -> Mention | None:
        """The person or organisation among the mentions ``inside`` a source span that
        holds its syntactic head: "Nick Merrill" in "Clinton spokesman Nick Merrill", "Ban
        Ki-moon" in "Ban Ki-moon, the secretary general of the United Nations"."""
        found = self.doc.char_span(*span, alignment_mode="expand") if self.doc else None
        if found is None:
            return None
        root = found.root.idx
        return next((m for m in inside
                     if m.start <= root < m.end and m.label in {"PERSON", "ORG"}), None)

    def is_subject(self, mention: Mention) -> bool:
        """Whether the mention is a clause's subject or inside one (:func:`_in_subject`)."""
        if self.doc is None:
            return False
        if mention.start not in self._subject:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            self._subject[mention.start] = span is not None and _in_subject(span.root)
        return self._subject[mention.start]

    def canonical(self, mention: Mention) -> str:
        """The mention's name, a surname alone taking the full name it stands for."""
        name = mention.text.removesuffix("'s").removesuffix("’s").strip()
        if mention.label != "PERSON" or len(name.split()) != 1:
            return name
        return self.full_names.get(name, name)

    def gender(self, mention: Mention) -> str | None:
        """"m" or "f" where a title before one of the person's mentions says so ("Mrs.
        Clinton", "Spokesman Nick Merrill"), None where none does or titles disagree."""
        if self._genders is None:
            text = doc_text(self.doc) if self.doc is not None else ""
            seen: dict[str, set[str]] = {}
            for m in self.mentions:
                if m.label != "PERSON":
                    continue
                before = text[text.rfind("\n", 0, m.start) + 1:m.start].split()[-1:]
                for word in (*before, *m.text.split()[:1]):
                    found = TITLE_GENDER.get(word.lower().rstrip("."))
                    if found:
                        seen.setdefault(self.canonical(m), set()).add(found)
            self._genders = {name: g.pop() for name, g in seen.items() if len(g) == 1}
        return self._genders.get(self.canonical(mention))

    def antecedent(self, offset: int, labels: set[str], nearest_subject: bool = True,
                   gender: str | None = None) -> Mention | None:
        """What a pronoun at ``offset`` stands for: the nearest earlier subject among
        mentions with ``labels`` outside quotations ("Netanyahu said he told Blinken ...
        he reiterated" is Netanyahu; a name inside a quotation is not who speaks after it),
        else the nearest earlier such mention. A pronoun inside a quotation may refer to
        names inside it. Without ``nearest_subject`` (a relative pronoun, "officials in
        Gaza, who said"), simply the nearest earlier mention. With ``gender`` ("she": "f"),
        a person known to be of the other gender (:meth:`gender`) is passed over."""
        before = [m for m in self.mentions[:bisect.bisect_left(self.starts, offset)]
                  if m.label in labels and m.end <= offset
                  and (gender is None or self.gender(m) in {None, gender})]
        if not nearest_subject or not before:
            return before[-1] if before else None
        quoted = self.in_quotes(offset)
        nearest = None
        for m in reversed(before):
            if not quoted and self.in_quotes(m.start):
                continue
            if self.is_subject(m):
                return m
            nearest = nearest or m
        return nearest or before[-1]


def _in_subject(token: Token) -> bool:
    """Whether ``token`` is a clause's subject or inside one ("Phoenix" in "the city of
    Phoenix says", "Obama" in "Mr. Obama's bet is")."""
    for _ in range(4):
        if token.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if token.dep_ not in {"poss", "compound", "pobj", "prep", "appos", "nmod", "amod"}:
            return False
        token = token.head
    return False


def resolve_source(mentions: ArticleMentions, source: tuple[int, int] | None,
                   text: str) -> tuple[str | None, str]:
    """Canonical actor for a source span, and whether it is named, a pronoun or unnamed:
    the actor the article's mentions give (:func:`_source_in_article`), under the name the
    actor registry files it (:func:`canonical_source`)."""
    name, kind = _source_in_article(mentions, source, text)
    return (canonical_source(name, mentions.full_names) if name else name), kind


def canonical_source(name: str, full_names: dict[str, str] | None = None,
                     surfaces: dict[str, str] | None = None) -> str:
    """The actor registry's name for a source (:mod:`chronicle.extract.identity`): "US" is
    the United States, "the Syrian government" read as "Syrian" is Syria, "Ms Rice" is the
    "Susan Rice" of the article (``full_names``: surname → full name) or of the corpus
    (``surfaces``: :func:`chronicle.extract.identity.name_key` → canonical name); a name
    no table or mention knows keeps its words."""
    from chronicle.extract.identity import (
        clean,
        name_key,
        table_identity,
        without_middle_initials,
    )

    bare = bare_name(name)
    if full_names:
        bare = full_names.get(bare, bare)
    if not bare:
        return name
    found = table_identity(bare) or table_identity(without_middle_initials(bare))
    if found is not None:
        return found.name
    # only a name takes the corpus's ("the government" is no "Government" of an ORG tag),
    # and only a single word (a surname, a tail): a full name is already itself
    if surfaces and bare[:1].isupper() and len(bare.split()) == 1 and (
            known := surfaces.get(name_key(bare))):
        return known
    # a description no one resolves keeps the article's words ("The observatory")
    return bare if bare.lower() != clean(name).lower() else name


def bare_name(name: str) -> str:
    """A name without its leading article, possessive or honorific: a title says nothing
    of who ("Ms Rice" is Rice)."""
    from chronicle.extract.identity import HONORIFICS, clean

    bare = clean(name)
    words = bare.split()
    if len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        return " ".join(words[1:])
    return bare


def _source_in_article(mentions: ArticleMentions, source: tuple[int, int] | None,
                       text: str) -> tuple[str | None, str]:
    """The actor of a source span in the article's own words, and whether it is named, a
    pronoun or unnamed.

    A named source is the person or organisation at the head of its span
    (:meth:`ArticleMentions.head_mention`), else the person, else the longest organisation
    or other name in it. A pronoun takes its antecedent (:meth:`ArticleMentions.antecedent`):
    a person for he/she, a person or group for they/it. A surname takes the full name the
    article uses most, so "Netanyahu" and "Benjamin Netanyahu" are one actor.
    """
    if source is None:
        return None, "none"
    first = bisect.bisect_left(mentions.starts, source[0])
    last = bisect.bisect_left(mentions.starts, source[1], first)
    inside = [m for m in mentions.mentions[first:last]
              if m.label in ACTOR_LABELS and m.end <= source[1]]
    if inside:
        best = mentions.head_mention(source, inside) or max(
            inside, key=lambda m: (m.label == "PERSON", m.label == "ORG", m.end - m.start))
        return mentions.canonical(best), "named"
    words = text.lower().split()
    if len(words) == 1 and words[0] in FIRST_PERSON and not mentions.in_quotes(source[0]):
        return None, "pronoun"  # the writer (an opinion piece, a letter), named nowhere
    if len(words) == 1 and words[0] in PRONOUNS:
        want = {"PERSON"} if words[0] in {"he", "she", "him", "her", "i"} else \
            {"ORG", "GPE", "NORP", "PERSON"}
        before = mentions.antecedent(source[0], want,
                                     nearest_subject=words[0] not in RELATIVE_PRONOUNS,
                                     gender=PRONOUN_GENDER.get(words[0]))
        if before is not None:
            return mentions.canonical(before), "pronoun"
        return None, "pronoun"
    if words and words[-1].strip(",.") in UNNAMED_HEADS:
        return None, "unnamed"
    name = text.split(",")[0].strip()  # "The ministry, which runs the crossings," is the ministry
    name = mentions.full_names.get(name, name)  # a surname the recogniser missed
    return name or None, "named" if text[:1].isupper() else "unnamed"


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
                              "source_text": doc_text(doc)[start:end], "source_actor": None,
                              "source_kind": "unnamed" if not cited[0].ent_type_ else "named"}
                    if cited[0].ent_type_:
                        source["source_actor"] = doc_text(doc)[start:end]
                out[i] = replace(rec, parent=o.id, content_start=o.content_start,
                                 content_end=o.content_end, content_text=o.content_text,
                                 kind=o.kind, **source)
                continue
        if parent is not None:
            out[i] = replace(rec, parent=parent.id)
    return out
