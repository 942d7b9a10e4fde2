"""Timeline summarisation: which dates, which sentences, and the evidence behind each entry."""

from __future__ import annotations

from pathlib import Path

from chronicle.model import Article, ReadArticle, Sentence, Timex
from chronicle.store import Store
from chronicle.timeline.corpus import Corpus, Doc, day_range
from chronicle.timeline.dates import DayCounts, default_date_count, rank_days
from chronicle.timeline.sentences import SentenceSpace, candidates_by_day, select
from chronicle.timeline.summarise import summarise, summarise_corpus

BLAST = "The oil rig exploded in the Gulf of Mexico , killing eleven workers on the platform ."
FILLER = [
    "Shares in the company fell sharply as investors weighed the cost of the clean-up .",
    "Environmental groups warned that the slick could reach the coast within days .",
    "Engineers are trying to close a valve on the sea floor with remote-controlled robots .",
    "Fishermen in Louisiana said they feared for their livelihoods this season .",
]


def corpus_of(articles: list[tuple[str, str, list[tuple[str, tuple[str, ...]]]]],
              duplicates: dict[str, str] | None = None,
              entries: dict[tuple[str, int], str] | None = None) -> Corpus:
    """A corpus from (article id, published, [(sentence, days it names)]); ``entries``: the
    chronology entries, (article id, sentence index) -> day."""
    duplicates = duplicates or {}
    docs, sentences = {}, []
    for aid, published, sents in articles:
        docs[aid] = Doc(aid, published, source=f"outlet-{aid[0]}", title=f"Title {aid}",
                        origin=f"{aid}.txt", duplicate_of=duplicates.get(aid))
        offset = 0
        for i, (text, days) in enumerate(sents):
            sentences.append(Sentence(aid, i, offset, offset + len(text), text, days))
            offset += len(text) + 1
    return Corpus(docs, sentences, entries=entries or {})


def spill_corpus() -> Corpus:
    """Five stories: three later ones point back to the blast on 04-20; 04-25 is a quiet day."""
    return corpus_of([
        ("a1", "2010-04-21", [(BLAST, ("2010-04-20",)), (FILLER[0], ())]),
        ("b2", "2010-04-23", [("Eleven workers died when the rig exploded on Tuesday night .",
                               ("2010-04-20",)), (FILLER[1], ())]),
        ("c3", "2010-04-24", [("The explosion on the rig killed eleven workers in the Gulf .",
                               ("2010-04-20",)), (FILLER[2], ())]),
        ("d4", "2010-04-25", [(FILLER[3], ()), (FILLER[1], ())]),
        ("e5", "2010-04-29", [("The slick reached the coast of Louisiana on Thursday morning .",
                               ("2010-04-29",)), (FILLER[0], ())]),
    ])


def test_a_day_that_many_later_stories_point_back_to_ranks_first() -> None:
    ranked = rank_days(spill_corpus(), model=None)
    assert ranked[0][0] == "2010-04-20"
    assert {day for day, _ in ranked} >= {"2010-04-20", "2010-04-21", "2010-04-29"}


def test_near_duplicate_articles_count_once() -> None:
    copies = corpus_of([
        ("a1", "2010-04-21", [(BLAST, ("2010-04-20",))]),
        ("a2", "2010-04-21", [(BLAST + " Updated .", ("2010-04-20",))]),
        ("b1", "2010-04-22", [("Talks on compensation began .", ("2010-04-22",))]),
    ], duplicates={"a2": "a1"})
    counts = DayCounts.of(copies)
    assert counts.men["2010-04-20"] == 1
    assert counts.pub["2010-04-21"] == 1
    assert copies.stories == 2


def test_dates_outside_the_window_are_never_chosen() -> None:
    ranked = rank_days(spill_corpus(), date_from="2010-04-21", date_to="2010-04-30", model=None)
    assert all("2010-04-21" <= day <= "2010-04-30" for day, _ in ranked)


def test_each_entry_cites_its_sentences_articles_outlets_and_story_count() -> None:
    entries = summarise_corpus(spill_corpus(), dates=2, sentences=1, model=None)
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    blast = next(e for e in entries if e.date == "2010-04-20")
    assert blast.article_count == 3
    assert blast.sources == ("outlet-a", "outlet-b", "outlet-c")
    evidence = blast.summary[0]
    assert evidence.date_basis == "text"  # its own time expression names the day
    assert evidence.article_id in {"a1", "b2", "c3"}
    assert evidence.published > blast.date
    assert evidence.title == f"Title {evidence.article_id}"
    assert evidence.end - evidence.start == len(evidence.text)


def test_a_day_says_what_happened_once_however_many_reports_repeat_it() -> None:
    entries = summarise_corpus(spill_corpus(), dates=1, sentences=3, model=None)
    texts = entries[0].summary
    # the three reports of the blast say the same thing: at most two differently worded
    # sentences survive, and never the same sentence twice
    assert len({e.text for e in texts}) == len(texts)
    assert len(texts) < 3


def test_a_sentence_is_not_repeated_on_another_day() -> None:
    entries = summarise_corpus(spill_corpus(), dates=5, sentences=2, model=None)
    chosen = [(e.article_id, e.sentence_index) for entry in entries for e in entry.summary]
    assert len(chosen) == len(set(chosen))


def test_leads_speak_for_their_publication_day_when_they_name_no_other() -> None:
    quiet = corpus_of([
        ("a1", "2010-05-01", [("Officials closed fishing grounds along the coast of Louisiana .",
                               ()), (FILLER[0], ())]),
        ("b1", "2010-05-01", [("Fishing grounds along the Louisiana coast were closed .", ()),
                              (FILLER[1], ())]),
    ])
    entries = summarise_corpus(quiet, dates=1, sentences=1, model=None)
    assert entries[0].date == "2010-05-01"
    assert entries[0].summary[0].date_basis == "published"


def test_the_default_number_of_dates_grows_with_the_corpus_but_stays_readable() -> None:
    small = spill_corpus()
    ranked = rank_days(small, model=None)
    assert default_date_count(ranked, small) == min(10, len(ranked))
    days = day_range("2010-05-01", "2012-12-31")
    many = corpus_of([(f"x{i}", days[i], [(f"Report number {i} on the clean-up of the spill .",
                                           (days[i],))]) for i in range(700)])
    assert default_date_count(rank_days(many, model=None), many) == 60


def test_summarise_reads_a_store_and_honours_the_window(tmp_path: Path) -> None:
    texts = {"2010-04-21": BLAST + "\n" + FILLER[0], "2010-05-03": FILLER[2] + "\n" + FILLER[3]}
    with Store(tmp_path / "c.db") as store:
        articles = [Article.create(published=day, text=text, source="wire", origin=f"{day}.txt")
                    for day, text in texts.items()]
        store.add_batch(articles)
        results = []
        for a in articles:
            lines = a.text.split("\n")
            start = 0
            sentences = []
            for i, line in enumerate(lines):
                days = ("2010-04-20",) if line == BLAST else ()
                sentences.append(Sentence(a.id, i, start, start + len(line), line, days))
                start += len(line) + 1
            results.append(ReadArticle(a.id, sentences))
        store.save_read(results, version=1)
        entries = summarise(store, dates=3, sentences=1, date_to="2010-04-30", model=None)
    assert entries[0].date == "2010-04-20"
    assert all(e.date <= "2010-04-30" for e in entries)
    assert entries[0].summary[0].text == BLAST
    assert entries[0].summary[0].source == "wire"


def test_a_plain_report_beats_a_quote_saying_the_same() -> None:
    quote = "`` The rig exploded in the Gulf and we lost eleven workers , '' I said on Tuesday ."
    corpus = corpus_of([
        ("a1", "2010-04-21", [(quote, ("2010-04-20",)), (FILLER[0], ())]),
        ("b2", "2010-04-21", [(BLAST, ("2010-04-20",)), (FILLER[1], ())]),
        ("c3", "2010-04-22", [(FILLER[2], ()), (FILLER[3], ())]),
    ])
    pool = candidates_by_day(corpus, {"2010-04-20"})["2010-04-20"]
    picked = select(corpus, SentenceSpace(corpus), pool, 1, [], "2010-04-20", None)
    assert [corpus.sentences[c.row].text for c in picked] == [BLAST]


def test_a_day_recalled_a_week_later_outranks_one_only_the_news_cycle_names() -> None:
    # two stories each name 05-03 and 05-10; only 05-03 is recalled weeks later
    corpus = corpus_of([
        ("a1", "2010-05-04", [("Crews capped the smaller leak on Monday .", ("2010-05-03",))]),
        ("b2", "2010-05-11", [("Officials met the fishermen on Monday .", ("2010-05-10",))]),
        ("c3", "2010-05-12", [("The meeting with fishermen on Monday was tense .",
                               ("2010-05-10",))]),
        ("d4", "2010-06-20", [("The smaller leak was capped on 3 May .", ("2010-05-03",))]),
    ])
    counts = DayCounts.of(corpus)
    assert counts.men["2010-05-03"] == counts.men["2010-05-10"] == 2
    assert counts.men_recalled == {"2010-05-03": 1}
    ranked = [day for day, _ in rank_days(corpus, "2010-05-01", "2010-06-30", model=None)]
    assert ranked.index("2010-05-03") < ranked.index("2010-05-10")


def test_chronology_entries_are_read_from_the_store(tmp_path: Path) -> None:
    from chronicle.evaluate.tls import light_read

    text = ("Timeline of the war .\n"
            "Aug 21 - Rebels enter Tripoli with little resistance .\n"
            "* Aug. 23 : Rebels overrun the compound in Tripoli .\n"
            "Rebels said on Aug 21 that they had entered the capital .\n")
    with Store(tmp_path / "c.db") as store:
        article = Article.create(published="2011-09-01", text=text, source="wire",
                                 origin="a.txt")
        store.add_batch([article])
        light_read(store)  # lines as sentences, time expressions tagged and resolved
        corpus = Corpus.from_store(store)
    # a date opening the line (after a bullet) then a dash or colon; not a date in prose
    assert corpus.entries == {(article.id, 1): "2011-08-21", (article.id, 2): "2011-08-23"}
    counts = DayCounts.of(corpus)
    assert counts.entries == {"2011-08-21": 1, "2011-08-23": 1}


def test_a_chronology_entry_of_the_day_beats_prose_about_it() -> None:
    entry = "April 20 - The oil rig exploded in the Gulf , killing eleven workers ."
    corpus = corpus_of([
        ("a1", "2010-06-01", [(entry, ("2010-04-20",)), (FILLER[0], ())]),
        ("b2", "2010-04-21", [(BLAST, ("2010-04-20",)), (FILLER[1], ())]),
        ("c3", "2010-04-22", [("The oil rig exploded on Tuesday in the Gulf of Mexico .",
                               ("2010-04-20",)), (FILLER[2], ())]),
    ], entries={("a1", 0): "2010-04-20"})
    pool = candidates_by_day(corpus, {"2010-04-20"})["2010-04-20"]
    picked = select(corpus, SentenceSpace(corpus), pool, 1, [], "2010-04-20", None)
    assert [corpus.sentences[c.row].text for c in picked] == [entry]


def test_page_timestamps_and_comments_are_not_candidates() -> None:
    stamped = ["Page last updated at 08:58 GMT , Thursday , 22 April 2010 The rig sank .",
               "January 30 , 2011 at 10:18 am | Report abuse | No tony , there is only one ."]
    corpus = corpus_of([
        ("a1", "2010-04-22", [(stamped[0], ("2010-04-22",)), (stamped[1], ("2010-04-22",)),
                              ("The rig sank at 10:15 am on Thursday after burning .",
                               ("2010-04-22",))]),
    ])
    pool = candidates_by_day(corpus, {"2010-04-22"})["2010-04-22"]
    # a clock time alone is news; with a year it stamps the page, a post or a comment
    assert [corpus.sentences[c.row].index for c in pool] == [2]


def test_fragments_headline_lists_and_day_month_stamps_are_not_candidates() -> None:
    lines = ["28 January 12 22:46 GMT The port was shelled .",
             "PORTVILLE , 11:22 p.m. ET , 6:22 a.m. local time .",
             "rest of a sentence the page broke , officials said .",
             "Port shelled in the north",
             "Rebels gain ground in the east In Westhaven , crowds march In Portville , a vote .",
             "The port was shelled again on Friday , residents said ."]
    corpus = corpus_of([("a1", "2010-04-22", [(t, ("2010-04-22",)) for t in lines])])
    pool = candidates_by_day(corpus, {"2010-04-22"})["2010-04-22"]
    assert [corpus.sentences[c.row].index for c in pool] == [5]


def test_the_default_timeline_spans_every_month_with_articles() -> None:
    # a burst of early reporting must not take every date: each month gets its share
    early = [(f"{kind}{i}", f"2011-02-{1 + i:02d}",
              # words of the day's own (shared by its three reports, by no other day)
              [(f"{text} near day{i}-gate and day{i}-bridge .", (f"2011-02-{1 + i:02d}",))])
             for i in range(25)
             for kind, text in (("e", "Protesters marched through the capital"),
                                ("f", "Crowds gathered again in the main square"),
                                ("g", "Police fired tear gas at students"))]
    news = ["Fighting moved to the southern towns after the airport fell .",
            "Negotiators met in a neutral city to discuss a ceasefire plan .",
            "Aid ships docked at the harbour carrying food and medicine .",
            "The leader's compound was bombed overnight by foreign jets .",
            "Rebel columns seized the state broadcaster after a long night ."]
    late = [(f"l{m}", f"2011-{m:02d}-15", [(news[m - 3], (f"2011-{m:02d}-15",))])
            for m in range(3, 8)]
    corpus = corpus_of(early + late)
    entries = summarise_corpus(corpus, model=None)
    months = {e.date[:7] for e in entries}
    assert months == {f"2011-{m:02d}" for m in range(2, 8)}
    # an explicit date count is honoured as asked, ranked as before (the TLS protocol)
    explicit = summarise_corpus(corpus, dates=3, model=None)
    assert len(explicit) == 3


def test_an_outlets_recurring_teaser_is_never_a_line_but_its_chronology_is(tmp_path: Path) -> None:
    teaser = "Hopes for a settlement remain alive despite the strikes , says our correspondent ."
    entry = "March 2 - Rebels take the port of Westhaven after a week of fighting ."
    with Store(tmp_path / "t.db") as store:
        articles = [Article.create(published=f"2011-03-{day:02d}", source="wire",
                                   origin=f"{day}.txt",
                                   text=f"{teaser}\n{entry}\nStory {day} of the war went on .")
                    for day in range(3, 9)]
        store.add_batch(articles)
        results = []
        for a in articles:
            lines, start, sentences = a.text.split("\n"), 0, []
            timexes = []
            for i, line in enumerate(lines):
                days = ("2011-03-02",) if line == entry else (a.published,) if i == 0 else ()
                sentences.append(Sentence(a.id, i, start, start + len(line), line, days))
                if line == entry:  # "March 2" opens the line: a chronology entry
                    timexes.append(Timex(a.id, i, start, start + 7, "March 2", "DATE",
                                         "2011-03-02", "day", None, "2011-03-02", "2011-03-02"))
                start += len(line) + 1
            results.append(ReadArticle(a.id, sentences, timexes=timexes))
        store.save_read(results, version=1)
        corpus = Corpus.from_store(store)
        entries = summarise(store, dates=4, sentences=2, model=None)
    lines = [e.text for entry_ in entries for e in entry_.summary]
    assert teaser not in lines and entries
    # the teaser counts once (its first appearance), the chronology entry is kept everywhere
    assert sum(s.text == teaser for s in corpus.sentences) == 1
    assert all((a.id, 1) not in corpus.furniture for a in articles)
