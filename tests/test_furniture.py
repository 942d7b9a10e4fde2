"""Page furniture: each rule on a line of its own kind, and the body around it kept whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import main
from chronicle.ingest.furniture import (
    OUTLET_FURNITURE_MIN_ARTICLES,
    clean_article,
    drop_repeats,
    recurring,
    restore_tokens,
    separate,
)
from chronicle.model import Article, Reject
from chronicle.store import Store
from tests.conftest import write_seed

BODY = [
    "Rebels took the port of Westhaven on Tuesday , officials said .",
    "At least 12 people were killed in the fighting , a doctor told reporters .",
]


def kinds_of(text: str) -> list[str]:
    return [f.kind for f in separate(text).furniture]


def test_tokeniser_artefacts_restored() -> None:
    text = "-LRB- Wire -RRB- -- `` We will stay , '' he said of the -LSB- northern -RSB- town ."
    assert restore_tokens(text) == '(Wire) -- "We will stay ," he said of the [northern] town .'


def test_plain_quotes_left_alone_in_untokenised_text() -> None:
    assert restore_tokens("He typed two apostrophes '' here.") == \
        "He typed two apostrophes '' here."


def test_contributor_and_byline_lines() -> None:
    text = "\n".join(["By Jane Q. Doe", *BODY, "Ann Lee and Bo Chan contributed to this report ."])
    result = separate(text)
    assert result.body == "\n".join(BODY)
    assert [f.kind for f in result.furniture] == ["byline", "contributor"]


def test_run_in_byline_and_dateline_lose_their_opening_only() -> None:
    text = f"By the Daily Wire Staff {BODY[0]}\nPORTVILLE , Ruritania (Wire) -- {BODY[1]}"
    result = separate(text)
    assert result.body == "\n".join(BODY)
    assert [f.kind for f in result.furniture] == ["byline", "dateline"]
    assert separate(f"From Ann Lee and Bo Chan , WIRE {BODY[0]}").body == BODY[0]
    assert separate(f"Port Vila , Ruritania (Wire) -- {BODY[0]}").body == BODY[0]
    assert separate(f"By Ann Lee , WIRE Senior Producer {BODY[0]}").body == BODY[0]
    assert separate(f"Rebels take the port By the Wire Staff {BODY[0]}").body == BODY[0]
    assert separate(f"PORTVILLE , 11:22 p.m. ET , 6:22 a.m. local : {BODY[0]}").body == BODY[0]
    # no comma and outlet after the names: a sentence, not a byline
    assert separate("From Westhaven and Portville the rebels fled .").furniture == ()


def test_page_timestamps() -> None:
    assert kinds_of("\n".join([BODY[0], "28 January 12 22:46 GMT", BODY[1]])) == ["timestamp"]
    assert kinds_of("\n".join([BODY[0], "Updated Tuesday 4 March 2011"])) == ["timestamp"]
    stamped = f"(Updated : 1:38 a.m. Monday ; 6:38 p.m. Sunday ET) : {BODY[0]}"
    result = separate(stamped)
    assert result.body == BODY[0] and kinds_of(stamped) == ["timestamp"]


def test_a_date_alone_heads_a_chronology_and_stays() -> None:
    text = "\n".join(["March 19 , 2011", BODY[0]])
    assert separate(text).body == text


def test_news_about_a_company_terms_of_service_is_not_policy_text() -> None:
    text = "The network changed its terms of service on Monday , regulators said ."
    assert separate(text).body == text
    assert separate("Facebook rewrote its privacy policy overnight .").furniture == ()


def test_news_that_mentions_sharing_is_not_a_share_line() -> None:
    text = "He said he would share this plan with the rebel groups on Monday ."
    assert separate(text).body == text
    assert kinds_of(f"{BODY[0]}\nShare this story") == ["share"]


def test_a_clock_time_inside_news_is_not_a_stamp() -> None:
    text = "The curfew begins at 10:30 p.m. on Friday , the army said ."
    assert separate(text).body == text


def test_share_policy_navigation_related_lines() -> None:
    lines = ["xy/Ab12Cd 9:32 am ET May 1 , 2013 RETWEET Quiz time !",
             "By posting you accept our Terms of Service .",
             "Your contact details will never be published .",
             "For the latest from our newsroom click here .",
             "RELATED : Ten things to know"]
    result = separate("\n".join([BODY[0], *lines, BODY[1]]))
    assert result.body == "\n".join(BODY)
    assert [f.kind for f in result.furniture] == ["share", "policy", "policy", "navigation",
                                                  "related"]


def test_reader_comments_kept_apart_and_the_page_after_the_form() -> None:
    text = "\n".join([
        *BODY,
        "I think you are all wrong about this !",
        "May 2 , 2013 at 6:15 am | Report abuse | Nonsense , 6,000,000 died .",
        "May 2 , 2013 at 7:15 am | Reply Agreed .",
        "May 2 , 2013 07:20 am at 7:20 am | No .",
        "Comments are not pre-screened before they post .",
        "Five cats that look like celebrities .",
    ])
    result = separate(text)
    assert result.body == "\n".join(BODY)
    assert [f.kind for f in result.furniture] == ["comment"] * 4 + ["policy", "sidebar"]


def test_a_reporting_line_before_a_signature_stays_in_the_body() -> None:
    # the walk back from the first signature stops at the register of reporting
    reported = "Our correspondent said the town fell on Monday ."  # "our", yet reporting
    text = "\n".join([reported, "You lie !", "May 2 , 2013 at 6:15 am | Reply"])
    assert separate(text).body == reported


def test_source_caption_is_not_an_outlet_and_empty_article_is_rejected() -> None:
    article = Article.create(published="2024-01-02", text="\n".join(BODY), origin="a.txt",
                             source="Several people arrested after police confronted crowds .")
    cleaned = clean_article(article)
    assert isinstance(cleaned, Article) and cleaned.source == ""
    named = clean_article(article, fallback_source="wire")
    assert isinstance(named, Article) and named.source == "wire"
    only_policy = Article.create(published="2024-01-02", origin="b.txt",
                                 text="Read our Privacy Policy .\nComments are closed .")
    assert isinstance(clean_article(only_policy), Reject)


def test_cleaned_article_id_follows_its_text() -> None:
    article = Article.create(published="2024-01-02", text=f"{BODY[0]}\nShare this", origin="x")
    cleaned = clean_article(article)
    assert isinstance(cleaned, Article) and cleaned.text == BODY[0]
    assert cleaned.id == Article.create(published="2024-01-02", text=BODY[0]).id


def test_outlet_recurring_sentence_counted_once() -> None:
    teaser = "Hopes for a settlement remain alive , says our man ."
    rows = [("Outlet", f"a{n}", 0, f"2024-01-{n + 1:02d}", teaser)
            for n in range(OUTLET_FURNITURE_MIN_ARTICLES)]
    rows += [("Other", f"b{n}", 0, "2024-01-01", teaser) for n in range(2)]
    found = recurring(rows)
    assert found == {(f"a{n}", 0): n == 0 for n in range(OUTLET_FURNITURE_MIN_ARTICLES)}
    mentions = [{"article_id": f"a{n}", "sentence_index": 0} for n in range(5)]
    assert drop_repeats(mentions, found) == mentions[:1]


def test_updates_of_one_day_are_not_outlet_furniture() -> None:
    sentence = "The minister resigned on Monday after the vote ."
    rows = [("Outlet", f"a{n}", 3, "2024-01-01", sentence) for n in range(8)]
    assert recurring(rows) == {}


def test_an_invitation_to_comment_said_on_air_does_not_end_the_article() -> None:
    text = "\n".join([BODY[0], "Post a comment on my blog , the anchor said .", BODY[1]])
    assert separate(text).body == text


def test_long_runs_of_digits_and_clock_times_are_read_in_linear_time() -> None:
    # each of these once had exponentially many ways to fail (minutes, then hours)
    for probe in ("1" * 40 + " x", "12:30 " * 200 + "x", "March 3 , " * 200 + "x"):
        assert separate(probe).body == probe


# -- kept apart, never lost ---------------------------------------------------------------------

COMMENTED_PAGE = "\n".join([
    "By Jane Doe",
    "WESTHAVEN, Ruritania (Wire) -- Rebels took the port of Westhaven on Tuesday, officials"
    " said.",
    "At least 12 people were killed in the fighting, a doctor told reporters.",
    "Share this",
    "I think you are all wrong, my cousin saw 9,000,000 soldiers attack Eastport !",
    "May 2 , 2013 at 6:15 am | Report abuse | The army shelled Northvale and killed 500 people"
    " !",
    "Comments are not pre-screened before they post .",
])
COMMENTS = COMMENTED_PAGE.split("\n")[4:6]


def test_each_piece_of_furniture_keeps_its_kind_text_and_place_on_the_page() -> None:
    pieces = separate(COMMENTED_PAGE).furniture
    assert [p.kind for p in pieces] == ["byline", "dateline", "share", "comment", "comment",
                                        "policy"]
    for piece in pieces:  # the offset finds the piece's own text on the page
        assert COMMENTED_PAGE[piece.start:piece.start + len(piece.text)] == piece.text
    assert [p.start for p in pieces] == sorted(p.start for p in pieces)  # page order


def test_a_cleaned_article_carries_its_furniture_and_its_id_is_of_the_text_alone() -> None:
    cleaned = clean_article(Article.create(published="2024-01-02", text=COMMENTED_PAGE,
                                           origin="a.txt"))
    assert isinstance(cleaned, Article)
    assert [p.text for p in cleaned.furniture if p.kind == "comment"] == COMMENTS
    assert cleaned.id == Article.create(published="2024-01-02", text=cleaned.text).id
    assert "Northvale" not in cleaned.text


@pytest.mark.slow
def test_stored_furniture_is_never_read_and_re_ingest_adds_none(tmp_path: Path) -> None:
    write_seed(tmp_path / "in", "page.txt", "2024-03-20", COMMENTED_PAGE)
    db = str(tmp_path / "c.db")
    for _ in range(2):  # the second run is re-ingest: nothing new, no duplicate furniture
        result = CliRunner().invoke(main, ["run", str(tmp_path / "in"), "--db", db,
                                           "--out", str(tmp_path / "report")])
        assert result.exit_code == 0, result.output
        with Store(db) as store:
            rows = store.db.execute(
                "SELECT idx, kind, text FROM furniture ORDER BY idx").fetchall()
            assert [tuple(r) for r in rows if r["kind"] == "comment"] == [
                (3, "comment", COMMENTS[0]), (4, "comment", COMMENTS[1])]
            assert len(rows) == 6
            # nothing of a comment is a sentence, a mention, an event, a figure or a claim
            read = " ".join(str(value) for table in ("sentences", "mentions", "event_mentions",
                                                     "figures", "attributions")
                            for row in store.db.execute(f"SELECT * FROM {table}")
                            for value in row)
            assert "Rebels took the port" in read
            for word in ("Northvale", "Eastport", "9,000,000", "500 people", "Jane Doe"):
                assert word not in read
    status = CliRunner().invoke(main, ["status", "--db", db, "--json"])
    assert json.loads(status.output)["counts"]["furniture"] == 6
