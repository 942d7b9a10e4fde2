"""Readers: every input format yields Articles, and every kind of bad input a clear Reject."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chronicle.ingest import read_inputs
from chronicle.ingest.readers import clean_text, parse_published
from chronicle.model import Article, Reject

PARAGRAPHS = [
    "Prime Minister Benjamin Netanyahu told the top US diplomat Antony Blinken on Friday that "
    "Israel is prepared to continue its war against Hamas alone if it has to.",
    "Blinken met one-on-one with Netanyahu in talks aimed at ensuring more food flows into "
    "Gaza, the top diplomat's sixth swing through the Middle East since the war began.",
    "Netanyahu said he told Blinken he appreciated US support in its fight against Hamas and "
    "that Israel recognises it needs to protect civilians and allow humanitarian aid in.",
]


def run(*paths: object, source: str | None = None) -> tuple[list[Article], list[Reject]]:
    items = list(read_inputs([str(p) for p in paths], source=source))
    articles = [i for i in items if isinstance(i, Article)]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert len(articles) + len(rejects) == len(items)
    return articles, rejects


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# ---- seed format and plain text ----------------------------------------------------------

def test_seed_format_without_published(tmp_path: Path) -> None:
    body = "\n\n\n\n".join(PARAGRAPHS)
    f = write(tmp_path / "000_seed.txt", f" date 2023-10-30 \n\n \n{body}\n\n")
    [article], rejects = run(f)
    assert rejects == []
    assert article.published == "2023-10-30"
    assert article.published_time is None
    assert article.text == "\n\n".join(PARAGRAPHS)  # header gone, paragraphs kept
    assert article.title == ""
    assert article.origin == str(f)


def test_seed_format_with_published_time(tmp_path: Path) -> None:
    f = write(tmp_path / "003.txt",
              " date 2024-03-22 Published: Fri 22 Mar 2024, 7:47 PM\n\n" + "\n\n".join(PARAGRAPHS))
    [article], _ = run(f, source="khaleej")
    assert (article.published, article.published_time) == ("2024-03-22", "19:47")
    assert article.text.startswith("Prime Minister")
    assert "date" not in article.text.split("\n")[0]
    assert article.source == "khaleej"


def test_header_lines_give_date_source_and_title(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "Date: 2024-03-22\nSource: Reuters\nTitle: Talks in Tel Aviv\n\n"
              + "\n\n".join(PARAGRAPHS))
    [article], _ = run(f, source="fallback")
    assert (article.published, article.source, article.title) == (
        "2024-03-22", "Reuters", "Talks in Tel Aviv")
    assert article.text.startswith("Prime Minister")


def test_short_first_line_after_header_is_the_title(tmp_path: Path) -> None:
    headline = "Netanyahu tells Blinken Israel will go it alone"
    f = write(tmp_path / "a.txt", f" date 2024-03-22\n\n{headline}\n\n" + "\n\n".join(PARAGRAPHS))
    [article], _ = run(f)
    assert article.title == "Netanyahu tells Blinken Israel will go it alone"
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_timeline17_layout_date_from_folder(tmp_path: Path) -> None:
    docs = tmp_path / "t17" / "haiti_bbc" / "InputDocs"
    lines = ("Haitian officials say the death toll was high . \n"
             "An estimated 1.5 million are homeless . \n")
    write(docs / "2010-01-21" / "1538.htm.txt", lines)
    write(docs / "2010-01-12" / "7.htm.txt", "Earthquake strikes Haiti . \n")
    write(tmp_path / "t17" / "haiti_bbc" / "timelines" / "bbc.txt", "2010-01-23\nSomething .\n")
    articles, rejects = run(docs)
    assert [a.published for a in articles] == ["2010-01-12", "2010-01-21"]  # sorted walk
    assert articles[1].text == ("Haitian officials say the death toll was high .\n"
                                "An estimated 1.5 million are homeless .")
    assert articles[1].origin == str(docs / "2010-01-21" / "1538.htm.txt")
    assert rejects == []
    # Given the whole tree, the reference timeline (no date in its path) is rejected, not lost.
    _, rejects = run(tmp_path / "t17")
    assert [(Path(r.origin).name, r.reason.split(" (")[0]) for r in rejects] == [
        ("bbc.txt", "no date")]


def test_date_from_file_name(tmp_path: Path) -> None:
    f = write(tmp_path / "2024-03-22_blinken.txt", "\n\n".join(PARAGRAPHS))
    [article], _ = run(f)
    assert article.published == "2024-03-22"


def test_stable_ids_ignore_whitespace(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "2024-03-22.txt", "\n\n".join(PARAGRAPHS))
    b = write(tmp_path / "b" / "2024-03-22.txt", "  " + "\n\n\n\n".join(PARAGRAPHS) + "  \r\n")
    first, _ = run(a)
    again, _ = run(a)
    other, _ = run(b)
    assert first[0].id == again[0].id == other[0].id
    assert first[0].origin != other[0].origin


def test_clean_text_collapses_blank_runs() -> None:
    assert clean_text("  a \r\n\r\n\r\n\r\nb\n c\t\n") == "a\n\nb\n c"


# ---- JSONL, JSON, CSV --------------------------------------------------------------------

def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"date": "2024-03-22T19:47:00Z", "title": "One", "text": PARAGRAPHS[0],
                    "url": "https://example.com/1", "source": "bbc"}),
        json.dumps({"published": "2024-03-23", "headline": "Two", "body": PARAGRAPHS[1]}),
        '{"date": "2024-03-24", "text": "unterminated',
        json.dumps({"title": "No date", "text": PARAGRAPHS[2]}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"date": "2024-02-30", "text": PARAGRAPHS[2]}),
        json.dumps({"date": "2024-03-25", "content": "   "}),
    ]
    f = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, rejects = run(f, source="default")
    assert [(a.title, a.published, a.published_time, a.source) for a in articles] == [
        ("One", "2024-03-22", "19:47", "bbc"), ("Two", "2024-03-23", None, "default")]
    assert articles[0].url == "https://example.com/1"
    assert articles[0].origin == f"{f}:1"
    reasons = {r.origin: r.reason for r in rejects}
    assert set(reasons) == {f"{f}:3", f"{f}:4", f"{f}:6", f"{f}:7", f"{f}:8"}
    assert reasons[f"{f}:3"].startswith("malformed JSON")
    assert reasons[f"{f}:4"].startswith("no date")
    assert reasons[f"{f}:6"] == "not a JSON object (got array)"
    assert reasons[f"{f}:7"].startswith("invalid date '2024-02-30'")
    assert reasons[f"{f}:8"] == "empty text"


def test_jsonl_of_arrays_is_one_reject(tmp_path: Path) -> None:
    f = write(tmp_path / "timelines.jsonl", '[["2010-01-23T00:00:00", ["x"]]]\n[1]\n')
    articles, [reject] = run(f)
    assert articles == [] and reject.origin == str(f)
    assert reject.reason.startswith("no article records")


def test_json_array_of_articles(tmp_path: Path) -> None:
    f = write(tmp_path / "a.json", json.dumps({"articles": [
        {"date": "2024-03-22", "text": PARAGRAPHS[0]}, {"date": "2024-03-22"}]}))
    articles, rejects = run(f)
    assert [a.origin for a in articles] == [f"{f}#item1"]
    assert [(r.origin, r.reason.split(" (")[0]) for r in rejects] == [(f"{f}#item2", "no text")]


def test_csv_quoted_multiline_and_bad_rows(tmp_path: Path) -> None:
    text = (
        "date,title,text,source\n"
        f'2024-03-22,First,"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}",bbc\n'
        "2024-03-23,Too,many,fields,here\n"
        f'2024-03-24,"Quoted, title","{PARAGRAPHS[2]}",\n'
        ",No date,some text,cnn\n"
    )
    f = write(tmp_path / "articles.csv", text)
    articles, rejects = run(f, source="default")
    assert [(a.title, a.published, a.source) for a in articles] == [
        ("First", "2024-03-22", "bbc"), ("Quoted, title", "2024-03-24", "default")]
    assert articles[0].text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    assert articles[0].origin == f"{f}:2"
    assert articles[1].origin == f"{f}:6"  # row 2 spans lines 2-4
    assert [(r.origin, r.reason) for r in rejects] == [
        (f"{f}:5", "expected 4 fields, got 5"),
        (f"{f}:7", "no date (expected a date/published/published_at/publishedat/pubdate field)"),
    ]


def test_tsv_and_csv_without_text_column(tmp_path: Path) -> None:
    tsv = write(tmp_path / "a.tsv", f"published\tbody\n2024-03-22\t{PARAGRAPHS[0]}\n")
    bad = write(tmp_path / "b.csv", "date,headline\n2024-03-22,Only a title\n")
    articles, rejects = run(tsv, bad)
    assert [a.published for a in articles] == ["2024-03-22"]
    assert [r.origin for r in rejects] == [str(bad)]
    assert rejects[0].reason.startswith("CSV header has no text column")


# ---- HTML and feeds ----------------------------------------------------------------------

def test_html_page_with_meta_date(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS * 2)
    page = f"""<!DOCTYPE html>
<html><head><title>Netanyahu tells Blinken Israel will go it alone | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Netanyahu tells Blinken Israel will go it alone">
<meta property="article:published_time" content="2024-03-22T19:47:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Netanyahu tells Blinken Israel will go it alone</h1>
{paragraphs}</article><footer>Copyright Example News</footer></body></html>"""
    f = write(tmp_path / "page.html", page)
    [article], rejects = run(f)
    assert rejects == []
    assert (article.published, article.published_time) == ("2024-03-22", "19:47")
    assert article.title == "Netanyahu tells Blinken Israel will go it alone"
    assert article.source == "Example News"
    assert article.text.startswith("Prime Minister Benjamin Netanyahu")
    assert "Copyright" not in article.text and "Home" not in article.text


def test_html_without_date_is_rejected(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    f = write(tmp_path / "nodate.htm", f"<html><body><article>{body}</article></body></html>")
    articles, [reject] = run(f)
    assert articles == [] and reject.reason == "no publication date found in page"


def test_rss_feed(tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>World News</title><link>https://example.com</link>
<item><title>First</title><link>https://example.com/1</link>
<pubDate>Fri, 22 Mar 2024 19:47:00 +0000</pubDate>
<description>&lt;p&gt;{PARAGRAPHS[0]}&lt;/p&gt;&lt;p&gt;{PARAGRAPHS[1]}&lt;/p&gt;</description></item>
<item><title>No date</title><description>{PARAGRAPHS[2]}</description></item>
<item><title>Third</title><pubDate>Sat, 23 Mar 2024 08:00:00 GMT</pubDate>
<description>short</description><content:encoded><![CDATA[<p>{PARAGRAPHS[2]}</p>]]></content:encoded>
</item></channel></rss>"""
    f = write(tmp_path / "news.rss", feed)
    articles, rejects = run(f)
    assert [(a.title, a.published, a.published_time, a.origin) for a in articles] == [
        ("First", "2024-03-22", "19:47", f"{f}#item1"),
        ("Third", "2024-03-23", "08:00", f"{f}#item3"),
    ]
    assert articles[0].text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    assert articles[0].source == "World News" and articles[0].url == "https://example.com/1"
    assert articles[1].text == PARAGRAPHS[2]  # content:encoded preferred over a short description
    assert [(r.origin, r.reason.split(" (")[0]) for r in rejects] == [(f"{f}#item2", "no date")]


def test_atom_feed(tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<entry><title>Entry one</title><link rel="alternate" href="https://example.org/1"/>
<published>2024-03-22T19:47:00+01:00</published><updated>2024-03-23T10:00:00Z</updated>
<content type="html">&lt;p&gt;{PARAGRAPHS[0]}&lt;/p&gt;</content></entry>
<entry><title>Entry two</title><updated>2024-03-23T10:00:00Z</updated>
<summary>{PARAGRAPHS[1]}</summary></entry>
</feed>"""
    f = write(tmp_path / "feed.atom", feed)
    articles, rejects = run(f)
    assert rejects == []
    assert [(a.title, a.published, a.published_time, a.source) for a in articles] == [
        ("Entry one", "2024-03-22", "19:47", "Atom Outlet"),
        ("Entry two", "2024-03-23", "10:00", "Atom Outlet")]
    assert articles[0].url == "https://example.org/1" and articles[0].text == PARAGRAPHS[0]


def test_xml_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title>'
            "</item></channel></rss>")
    f = write(tmp_path / "bomb.xml", bomb)
    _, [reject] = run(f)
    assert reject.reason.startswith("refused: XML with a DOCTYPE/ENTITY declaration")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    f = write(tmp_path / "sitemap.xml", '<urlset xmlns="http://x"><url/></urlset>')
    _, [reject] = run(f)
    assert reject.reason == "not an RSS or Atom feed (root element <urlset>)"


# ---- bad files ---------------------------------------------------------------------------

def test_bad_files_become_rejects(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "2024-03-22-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    write(folder / "2024-03-22-latin1.txt", "Caf\xe9 talks resumed on Friday.".encode("latin-1"))
    write(folder / "2024-03-22-empty.txt", b"")
    write(folder / "2024-03-22-header-only.txt", " date 2024-03-22\n\n")
    write(folder / "nodate.txt", PARAGRAPHS[0])
    write(folder / "2024-02-30.txt", PARAGRAPHS[0])
    write(folder / "future.txt", " date 2999-01-01\n\n" + PARAGRAPHS[0])
    write(folder / "old.txt", "Date: 1750-06-01\n\n" + PARAGRAPHS[0])
    write(folder / "notes.docx", b"PK\x03\x04")
    write(folder / "README", "no extension")
    write(folder / ".DS_Store", b"\x00\x01")  # hidden: skipped in folder walks
    articles, rejects = run(folder, tmp_path / "missing.txt")
    assert articles == []
    got = {Path(r.origin).name: r.reason for r in rejects}
    assert got == {
        "2024-03-22-binary.txt": "binary file (contains NUL bytes)",
        "2024-03-22-latin1.txt": "not UTF-8 text (byte 0xe9 at offset 3; name a legacy "
                                 "encoding with --encoding, e.g. cp1252)",
        "2024-03-22-empty.txt": "empty file",
        "2024-03-22-header-only.txt": "empty text",
        "nodate.txt": "no date (no date header line, no YYYY-MM-DD in file or folder name)",
        "2024-02-30.txt": "invalid date '2024-02-30' (day is out of range for month)",
        "future.txt": "implausible date 2999-01-01",
        "old.txt": "implausible date 1750-06-01",
        "notes.docx": "unsupported file type .docx",
        "README": "unsupported file type (no extension)",
        "missing.txt": "no such file or directory",
    }


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    f = write(tmp_path / "2024-03-22.txt", PARAGRAPHS[0])
    ok = write(tmp_path / "2024-03-23.txt", PARAGRAPHS[1])
    f.chmod(0)
    try:
        articles, rejects = run(tmp_path)
    finally:
        f.chmod(0o644)
    assert [a.origin for a in articles] == [str(ok)]
    assert [(r.origin, r.reason) for r in rejects] == [
        (str(f), "unreadable file: permission denied")]


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = write(tmp_path / "2024-03-22.txt", PARAGRAPHS[0])
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self == f:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    _, [reject] = run(tmp_path)
    assert reject == Reject(str(f), "unreadable file: permission denied")


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    a = write(tmp_path / "2024-03-22-a.txt", b"\xef\xbb\xbf" + PARAGRAPHS[0].encode())
    b = write(tmp_path / "2024-03-22-b.txt", PARAGRAPHS[1].encode("utf-16"))
    articles, rejects = run(a, b)
    assert rejects == []
    assert [x.text for x in articles] == [PARAGRAPHS[0], PARAGRAPHS[1]]


@pytest.mark.parametrize(("raw", "expected"), [
    ("2024-03-22", ("2024-03-22", None)),
    ("2024-03-22T19:47:00Z", ("2024-03-22", "19:47")),
    ("2024-03-22T23:30:00-05:00", ("2024-03-22", "23:30")),  # outlet's clock, not UTC
    ("Fri 22 Mar 2024, 7:47 PM", ("2024-03-22", "19:47")),
    ("March 22, 2024", ("2024-03-22", None)),
    ("Fri, 22 Mar 2024 19:47:00 +0000", ("2024-03-22", "19:47")),
])
def test_parse_published(raw: str, expected: tuple[str, str | None]) -> None:
    assert parse_published(raw) == expected


# ---- nothing lost: every line read or rejected with its number --------------------------

def test_csv_unclosed_quote_does_not_swallow_the_next_rows(tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", (
        "date,title,text\n"
        f'2024-03-22,One,"{PARAGRAPHS[0]}\n'  # the quote is never closed
        f"2024-03-23,Two,{PARAGRAPHS[1].replace(',', '')}\n"
        f'2024-03-24,Three,"{PARAGRAPHS[2]}"\n'))
    articles, rejects = run(f)
    assert [a.title for a in articles] == ["Two", "Three"]
    assert [(r.origin, r.reason) for r in rejects] == [
        (f"{f}:2", "unclosed quote: the record on line 2 runs into line 3, a row of its own")]


def test_csv_unclosed_quote_at_the_end_is_rejected_with_its_lines(tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", (
        "date,title,text\n"
        f"2024-03-22,One,{PARAGRAPHS[0].replace(',', '')}\n"
        f'2024-03-23,Two,"{PARAGRAPHS[1]}\n'
        "and a second line of it\n"))
    articles, [reject] = run(f)
    assert [a.title for a in articles] == ["One"]
    assert reject.origin == f"{f}:3"
    assert reject.reason == ("malformed CSV: unexpected end of data (lines 3-4): a quote "
                             "opened and never closed")


def test_csv_quote_in_the_wrong_place_is_rejected_not_mangled(tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", (
        "date,title,text\n"
        f'2024-03-22,"One" more,{PARAGRAPHS[0].replace(",", "")}\n'
        f'2024-03-23,Two,"{PARAGRAPHS[1]}" and more\n'
        f'2024-03-24,Three,He said "yes" and left.\n'))
    articles, rejects = run(f)
    assert [(a.title, a.text) for a in articles] == [("Three", 'He said "yes" and left.')]
    assert [r.origin for r in rejects] == [f"{f}:2", f"{f}:3"]
    assert all("a quote inside a field that is not quoted as a whole" in r.reason
               for r in rejects)


def test_csv_header_without_rows_is_a_reject(tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "date,title,text\n\n")
    _, [reject] = run(f)
    assert reject == Reject(str(f), "no rows: a CSV header and nothing under it")


def test_jsonl_line_with_bad_bytes_or_deep_nesting_is_one_reject(tmp_path: Path) -> None:
    good = json.dumps({"date": "2024-03-22", "text": PARAGRAPHS[0]})
    f = write(tmp_path / "a.jsonl", b"\n".join([
        good.encode(), b'{"date": "2024-03-23", "text": "caf\xe9"}', b"[" * 100_000,
        good.replace("03-22", "03-24").encode()]) + b"\n")
    articles, rejects = run(f)
    assert [a.origin for a in articles] == [f"{f}:1", f"{f}:4"]
    assert [(r.origin, r.reason.split(" (")[0]) for r in rejects] == [
        (f"{f}:2", "not UTF-8 text"), (f"{f}:3", "malformed JSON: nested too deeply")]


def test_a_ten_megabyte_line_is_not_an_article(tmp_path: Path) -> None:
    f = write(tmp_path / "2024-03-22-dump.txt", "word " * 2_000_000)
    ok = write(tmp_path / "2024-03-22-ok.txt", PARAGRAPHS[0])
    articles, [reject] = run(tmp_path)
    assert [a.origin for a in articles] == [str(ok)]
    assert reject.origin == str(f)
    assert reject.reason == ("not an article: a line of 9,999,999 characters without a break "
                             "(an article's lines have at most 100,000)")


def test_an_article_over_the_size_limit_is_rejected_in_every_format(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronicle.ingest import readers

    monkeypatch.setattr(readers, "MAX_ARTICLE_CHARS", 300)
    long_text = "\n\n".join(PARAGRAPHS)  # 499 characters, lines shorter than 200
    write(tmp_path / "2024-03-22.txt", long_text)
    write(tmp_path / "a.jsonl", json.dumps({"date": "2024-03-22", "text": long_text}) + "\n")
    write(tmp_path / "b.jsonl", json.dumps({"date": "2024-03-22", "text": PARAGRAPHS[0]}) + "\n")
    articles, rejects = run(tmp_path)
    assert [Path(a.origin).name for a in articles] == ["b.jsonl:1"]
    assert sorted(Path(r.origin).name for r in rejects) == ["2024-03-22.txt", "a.jsonl:1"]
    assert {r.reason for r in rejects} == {
        f"article too long ({len(long_text)} characters; at most 300 in one article)"}


def test_encoding_names_the_legacy_encoding_of_text_csv_and_json(tmp_path: Path) -> None:
    text = "Caf\xe9 talks resumed on Friday, the minister said."
    a = write(tmp_path / "2024-03-22.txt", text.encode("cp1252"))
    b = write(tmp_path / "b.csv", f'date,text\n2024-03-22,"{text}"\n'.encode("cp1252"))
    c = write(tmp_path / "c.jsonl",
              json.dumps({"date": "2024-03-22", "text": text}, ensure_ascii=False)
              .encode("cp1252") + b"\n")
    d = write(tmp_path / "d.jsonl",
              (json.dumps({"date": "2024-03-22", "text": text}) + "\n").encode("utf-16"))
    _, rejects = run(a, b, c)
    assert len(rejects) == 3 and all("--encoding" in r.reason for r in rejects)
    articles = [i for i in read_inputs([a, b, c], encoding="cp1252")]
    assert [x.text for x in articles] == [text] * 3
    [utf16] = [i for i in read_inputs([d])]  # a UTF-16 BOM is honoured without --encoding
    assert utf16.text == text


def test_an_input_is_the_same_input_whatever_the_spelling_of_its_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bad"
    write(folder / "2024-03-22.txt", PARAGRAPHS[0])
    write(folder / "nodate.txt", PARAGRAPHS[1])
    monkeypatch.chdir(tmp_path)
    spellings = ["bad", "./bad/", str(folder), f"{folder}/../bad"]
    seen = [sorted((type(i).__name__, i.origin) for i in read_inputs([s])) for s in spellings]
    assert all(s == seen[0] for s in seen)
    assert seen[0] == [("Article", str(folder / "2024-03-22.txt")),
                       ("Reject", str(folder / "nodate.txt"))]
