"""Attribution extraction: who said what, through which cue, quoted how, with what stance."""

from __future__ import annotations

import pytest

from chronicle.extract.attribution import (
    ArticleMentions,
    Attribution,
    TokenTable,
    bio_spans,
    cue_features,
    extract_attributions,
    quotation_kind,
    quote_marks,
    span_tags,
    stance_of,
    token_features,
)
from chronicle.model import Article, Mention

pytestmark = pytest.mark.slow


def attributions(reader, text: str) -> list[Attribution]:
    article = Article.create(published="2024-03-22", text=text)
    doc = reader.nlp(text)
    from chronicle.read.pipeline import analyse

    return extract_attributions(article, doc, analyse(article, doc))


def by_cue(found: list[Attribution], cue: str) -> Attribution:
    matches = [a for a in found if cue in a.cue_text.lower()]
    assert matches, f"no attribution with cue {cue!r} in {[a.cue_text for a in found]}"
    return matches[0]


def test_said_with_indirect_content(reader):
    found = attributions(reader, "The health ministry said that 12 people were killed in the "
                                 "strike on the market.")
    a = by_cue(found, "said")
    assert a.source_text == "The health ministry"
    assert a.content_text.startswith("that 12 people were killed")
    assert a.kind == "indirect"
    assert a.stance == "asserts"


def test_direct_quotation_before_the_cue(reader):
    text = '“We will not stop until every hostage is home,” the prime minister told reporters.'
    a = by_cue(attributions(reader, text), "told")
    assert a.kind == "direct"
    assert a.content_text.startswith("“We will not stop")
    assert "prime minister" in a.source_text


def test_mixed_quotation(reader):
    text = ('The spokesman said the operation would continue "for as long as necessary" in '
            "the south.")
    a = by_cue(attributions(reader, text), "said")
    assert a.kind == "mixed"


def test_according_to_names_the_source(reader):
    text = "According to the United Nations, more than 1.7 million people have been displaced."
    a = by_cue(attributions(reader, text), "according to")
    assert "United Nations" in a.source_text
    assert "1.7 million people" in a.content_text


def test_a_strike_is_no_claim_and_its_report_takes_the_clause(reader):
    text = ("Recently, an air force aircraft attacked a militant cell that was identified in "
            "the hills, which launched rockets on Sunday, according to the air force.\n\n"
            "The air force did not say how many were killed.")
    found = attributions(reader, text)
    assert not [a for a in found if "attacked" in a.cue_text]
    a = by_cue(found, "according to")
    assert a.content_text.startswith("Recently, an air force aircraft attacked a militant cell")


def test_a_closing_according_to_vouches_for_the_relative_clause_before_it(reader):
    text = ("The envoy had said he would push for more aid into the city, where famine is "
            "imminent, according to the United Nations.")
    a = by_cue(attributions(reader, text), "according to")
    assert a.content_text == "where famine is imminent"


def test_denial_has_the_denies_stance(reader):
    text = "The army denied that civilians had been in the area at the time of the strike."
    a = by_cue(attributions(reader, text), "denied")
    assert a.stance == "denies"
    assert "civilians had been in the area" in a.content_text
    assert a.source_text == "The army"


def test_a_denial_far_from_its_subject_and_the_verb_joined_to_it(reader):
    text = ("The ministry, which runs every crossing into the province and has closed the "
            "northern road, denies blocking medicine and says it believes enough is arriving.")
    found = attributions(reader, text)
    denial, claim = by_cue(found, "denies"), by_cue(found, "says")
    assert (denial.stance, denial.content_text) == ("denies", "blocking medicine")
    assert denial.source_actor == claim.source_actor
    assert claim.source_text.startswith("The ministry")


@pytest.mark.parametrize("text, cue, stance", [
    ("The reports were denied by the army.", "were denied", "denies"),
    ("Many Kurds are denied Syrian citizenship.", "are denied", "asserts"),
])
def test_a_passive_denial_denies_unless_it_withholds_something(reader, text, cue, stance):
    doc = reader.nlp(text)
    start = text.index(cue)
    span = doc.char_span(start, start + len(cue))
    assert stance_of(doc, span.root, start, start + len(cue)) == stance


def test_accusation_and_claim(reader):
    found = attributions(reader, "The rebels accused the government of shelling the town. "
                                 "The government claimed it had only hit military targets.")
    assert by_cue(found, "accused").stance == "accuses"
    claimed = by_cue(found, "claimed")
    assert claimed.stance == "asserts"
    assert claimed.source_text == "The government"


def test_prediction_and_estimate(reader):
    found = attributions(reader, "Aid agencies warned that famine could spread within weeks. "
                                 "The ministry estimated that 300 homes were destroyed.")
    assert by_cue(found, "warned").stance == "predicts"
    assert by_cue(found, "estimated").stance == "estimates"


def test_by_tallies_is_an_attribution(reader):
    text = "By Israeli tallies, 1,200 people were killed and 253 taken hostage."
    a = by_cue(attributions(reader, text), "tallies")
    assert a.source_text == "Israeli"
    assert "1,200 people were killed" in a.content_text
    assert a.stance == "estimates"


def test_a_closing_tally_keeps_to_its_own_sentence(reader):
    text = ("Gunmen killed 1,200 and took 253 hostages, by Israeli tallies. More than 32,000 "
            "Palestinians have been killed since, Gaza health authorities say.")
    found = attributions(reader, text)
    tally = by_cue(found, "tallies")
    assert tally.content_text == "Gunmen killed 1,200 and took 253 hostages"
    assert [a.source_text for a in found if "32,000" in a.content_text] == [
        "Gaza health authorities"]


@pytest.mark.parametrize("text", [
    "Reuters reported, citing two security officials, that the convoy had been stopped at "
    "the border.",
    "The convoy had been stopped at the border, Reuters reported citing two security "
    "officials.",
], ids=["with-a-comma", "run-together"])
def test_citing_nests_the_cited_source(reader, text):
    found = attributions(reader, text)
    outer = by_cue(found, "reported")
    inner = by_cue(found, "citing")
    assert outer.cue_text == "reported"
    assert outer.source_text == "Reuters"
    assert "security officials" in inner.source_text
    assert inner.parent == outer.id
    assert inner.content_text == outer.content_text


def test_reported_speech_inside_reported_speech_is_nested(reader):
    text = ("The newspaper reported that the army had said the tunnel was destroyed on "
            "Sunday.")
    found = attributions(reader, text)
    outer = by_cue(found, "reported")
    (inner,) = [a for a in found if a.cue_text == "said"]
    assert inner.source_text == "the army"
    assert inner.parent == outer.id


def test_a_verb_of_saying_joined_to_another_shares_its_subject(reader):
    text = ("The central bank kept interest rates unchanged on Wednesday and said it would "
            "stop paying interest on reserves.")
    a = by_cue(attributions(reader, text), "said")
    assert a.source_text == "The central bank"
    assert a.content_text == "it would stop paying interest on reserves"


def test_unnamed_sources(reader):
    a = by_cue(attributions(reader, "Officials say the talks have stalled."), "say")
    assert a.source_text == "Officials"
    assert a.source_kind == "unnamed"
    assert a.source_actor is None


@pytest.mark.parametrize("text, actor", [
    ("Antony Blinken arrived in Cairo on Monday. He said a ceasefire was within reach.",
     "Antony Blinken"),
    ("Mark Hollis met Ruth Okafor in Geneva on Monday. Later, he said the talks had made "
     "progress.", "Mark Hollis"),
    ('Mark Hollis spoke to reporters on Monday.\n\n"We will not give in to Peter Grant or '
     'anyone else," he said.', "Mark Hollis"),
    ("Ruth Okafor met Mr. Hollis in Geneva on Monday. Mr. Hollis left early. Later, she "
     "said the talks had made progress.", "Ruth Okafor"),
], ids=["the-person-named-before", "the-subject-not-the-nearest-name",
        "not-a-name-inside-the-quotation", "not-a-man-for-she"])
def test_a_pronoun_source_resolves_to_the_person_it_stands_for(reader, text, actor):
    a = by_cue(attributions(reader, text), "said")
    assert a.source_text.lower() in {"he", "she"}
    assert a.source_kind == "pronoun"
    assert a.source_actor == actor


def test_the_writer_of_an_opinion_piece_is_no_one_named_in_it(reader):
    text = ("The minister Tom Brown visited the city on Sunday. I think the ceasefire will "
            "hold, as I wrote last week.")
    a = by_cue(attributions(reader, text), "think")
    assert (a.source_text, a.source_kind, a.source_actor) == ("I", "pronoun", None)


def test_the_person_heading_a_source_speaks_not_the_body_named_after_them(reader):
    text = ("Maria Lopez, the director of the World Food Programme, said the convoy had been "
            "stopped at the border.")
    a = by_cue(attributions(reader, text), "said")
    assert a.source_actor == "Maria Lopez"


def test_a_surname_takes_the_full_name_the_article_uses_most():
    names = ["Crooked Maria Lopez", "Maria Lopez", "Maria Lopez", "Lopez"]
    mentions = ArticleMentions([Mention("a", 0, 30 * i, 30 * i + len(n), n, "PERSON")
                                for i, n in enumerate(names)])
    assert mentions.canonical(mentions.mentions[-1]) == "Maria Lopez"


def test_quotation_marks_open_and_close_by_where_they_stand():
    # a quotation run on from the paragraph before closes with no mark opening it
    text = 'and we will stay," he said. "Not one step back," and \u201cnever\u201d.'
    marks = quote_marks(text, 0, len(text))
    assert list(marks.values()) == [False, True, False, True, False]


def test_tokens_and_offsets_agree_on_what_is_quoted(reader):
    # the paragraph opens inside a quotation run on from the one before
    text = 'we will stay," Hollis said. "Not one step back," he added.'
    doc = reader.nlp(text)
    tokens = [t for t in doc if not t.is_space]
    quoted = ["we", "will", "stay", ",", '"', "Not", "one", "step", "back", ",", '"']
    tagged = [t.text for t, f in zip(tokens, token_features(tokens), strict=True)
              if "q=1" in f]
    assert tagged == [*quoted[:5], '"', *quoted[5:]]  # the opening mark too
    mentions = ArticleMentions([], doc)
    assert [t.text for t in tokens if mentions.in_quotes(t.idx)] == quoted


def test_offsets_point_into_the_article_text(reader):
    text = "Hospital staff said dozens of wounded were brought in overnight."
    for a in attributions(reader, text):
        assert text[a.cue_start:a.cue_end] == a.cue_text
        assert text[a.content_start:a.content_end] == a.content_text
        if a.source_start is not None:
            assert text[a.source_start:a.source_end] == a.source_text


def test_quotation_kind_without_a_parse():
    assert quotation_kind("“We are ready.”") == "direct"
    assert quotation_kind("that the talks had stalled") == "indirect"
    assert quotation_kind("the talks were “dead in the water”") == "mixed"
    assert quotation_kind('Our fight is with them, not with the people," he said') == "mixed"
    assert quotation_kind('Our fight is with them, not with the people,"') == "direct"  # run on
    assert quotation_kind("`` We are ready , ''") == "direct"  # as some corpora write marks


def test_span_tags_mark_first_inner_last_and_single_tokens(reader):
    text = "The army said the convoy was stopped near the border."
    doc = reader.nlp(text)
    said = (text.index("said"), text.index("said") + 4)
    content = (text.index("the convoy"), text.index("border") + 6)
    tags = span_tags(list(doc), {said, content})
    assert tags == ["O", "O", "S", "B", "I", "I", "I", "I", "I", "E", "O"]
    assert bio_spans(list(doc), tags) == [said, content]


def test_spans_left_open_by_the_tagger_still_count(reader):
    doc = reader.nlp("The army said the convoy was stopped.")
    tokens = list(doc)
    spans = bio_spans(tokens, ["B", "I", "O", "I", "I", "B", "E", "O"])
    assert [doc.text[s:e] for s, e in spans] == ["The army", "the convoy", "was stopped"]


def test_a_content_word_knows_the_phrase_it_opens(reader):
    doc = reader.nlp("The army said that the convoy was stopped near the border.")
    features = dict(zip((t.text for t in doc), token_features(list(doc)), strict=True))
    assert "le=ccomp|say" in features["that"]
    assert "re=ccomp|say" in features["border"]
    assert not any(f.startswith(("le=", "re=")) for f in features["convoy"])


def test_a_phrase_edge_is_where_its_whole_subtree_ends(reader):
    doc = reader.nlp("Officials said on Monday that the convoy, which left at dawn, had "
                     "reached the border town where aid workers waited.")
    table = TokenTable.of(doc)
    for token in doc:
        subtree = [t.i for t in token.subtree]
        assert (table.left[token.i], table.right[token.i]) == (min(subtree), max(subtree))
        assert table.children[token.i] == [c.i for c in token.children]


def test_cue_features_place_tokens_on_the_branches_of_the_cue(reader):
    doc = reader.nlp("The army said that the convoy was stopped.")
    tokens = list(doc)
    tags = ["B" if t.text == "said" else "O" for t in tokens]
    features = dict(zip((t.text for t in tokens), cue_features(tokens, tags), strict=True))
    assert features["said"] == ["cr=cue"]
    assert "cr0=nsubj" in features["army"] and "crs0=nsubj|L" in features["army"]
    assert "cr0=ccomp" in features["convoy"] and "crs0=ccomp|R" in features["convoy"]
    assert cue_features(tokens, ["O"] * len(tokens))[0] == ["cr=none", "cp=-"]


def test_transcript_turns_are_attributed_to_their_speakers(reader):
    text = ("The interview, in part:\n\n"
            "HOST: Will the talks resume on Monday?\n\n"
            "MINISTER: We are ready to meet them anywhere.\n\n"
            "HOST: And if they refuse?\n\n"
            "UPDATE: The talks resumed.")
    found = attributions(reader, text)
    turns = [(a.source_text, a.cue_text, a.content_text) for a in found if a.cue_text == ":"]
    assert turns == [("HOST", ":", "Will the talks resume on Monday?"),
                     ("MINISTER", ":", "We are ready to meet them anywhere."),
                     ("HOST", ":", "And if they refuse?")]


def test_one_label_and_colon_is_no_transcript(reader):
    found = attributions(reader, "WARNING: The road to the crossing is closed.")
    assert [a for a in found if a.cue_text == ":"] == []


def test_question_and_answer_labels_are_speakers(reader):
    found = attributions(reader, "Q: Where were you?\nA: At home with my family.")
    assert [(a.source_text, a.content_text) for a in found if a.cue_text == ":"] == [
        ("Q", "Where were you?"), ("A", "At home with my family.")]


def test_a_quotation_signed_with_a_dash_names_its_source(reader):
    text = ("Residents shared their views.\n"
            "“The shelling has not stopped for three nights.” ― Amal Haddad\n"
            "“We have no water.”\u00a0— Yusuf Kareem.")
    found = attributions(reader, text)
    signed = {a.source_text: a for a in found if a.cue_text in {"―", "—"}}
    assert set(signed) == {"Amal Haddad", "Yusuf Kareem"}
    assert signed["Amal Haddad"].content_text == "“The shelling has not stopped for three nights.”"
    assert signed["Yusuf Kareem"].kind == "direct"


def test_a_dateline_is_no_speaker(reader):
    text = ("Cairo: Egypt's foreign minister held a telephone conversation with his Qatari "
            "counterpart. The two ministers held talks on the ceasefire.")
    assert [a for a in attributions(reader, text) if a.cue_text == ":"] == []


def test_a_headline_gives_a_name_and_what_they_said(reader):
    text = ("Pence: The Debate Was a Win for Us.\n\nMike Pence said on Tuesday that the debate "
            "had gone well.\n\nHealth Over Politics: Voters want answers on hospitals.")
    (a,) = [a for a in attributions(reader, text) if a.cue_text == ":"]
    assert (a.source_text, a.content_text) == ("Pence", "The Debate Was a Win for Us")
    assert a.source_actor == "Mike Pence"
