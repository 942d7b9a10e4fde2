"""The store's schema as an ordered list of migrations.

``PRAGMA user_version`` records how many have been applied; opening a store applies the rest,
each in its own transaction. Never edit a released migration: append a new one.
"""

MIGRATIONS: list[str] = [
    # 1: articles and what reading them produces
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        published TEXT NOT NULL,
        published_time TEXT,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        url TEXT,
        origin TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        minhash BLOB,
        read_version INTEGER
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_unread ON articles(read_version);

    -- every place an article was seen: exact copies share one article and add origins here
    CREATE TABLE origins (
        origin TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        source TEXT NOT NULL DEFAULT '',
        url TEXT,
        published TEXT NOT NULL,
        PRIMARY KEY (origin, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX origins_article ON origins(article_id);

    CREATE TABLE rejects (
        origin TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (origin, reason)
    ) WITHOUT ROWID;

    CREATE TABLE duplicate_links (
        article_id TEXT NOT NULL REFERENCES articles(id),
        duplicate_of TEXT NOT NULL REFERENCES articles(id),
        similarity REAL NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (article_id, duplicate_of)
    ) WITHOUT ROWID;
    CREATE INDEX duplicate_links_of ON duplicate_links(duplicate_of);

    -- locality-sensitive hashing bands of each article's MinHash, to find near duplicates
    CREATE TABLE lsh_bands (
        key TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;

    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );

    -- which calendar days each sentence is about, from its resolved time expressions
    CREATE TABLE sentence_days (
        day TEXT NOT NULL,
        article_id TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        PRIMARY KEY (day, article_id, sentence_index)
    ) WITHOUT ROWID;

    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end, label)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_label_text ON mentions(label, text);

    CREATE TABLE timexes (
        article_id TEXT NOT NULL REFERENCES articles(id),
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        granularity TEXT,
        mod TEXT,
        first_day TEXT,
        last_day TEXT,
        PRIMARY KEY (article_id, start, end)
    ) WITHOUT ROWID;
    CREATE INDEX timexes_first_day ON timexes(first_day);
    """,
    # 2: full-text search over sentences (FTS5, contents kept in `sentences`)
    """
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='rowid', tokenize='porter unicode61'
    );
    CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text)
            VALUES ('delete', old.rowid, old.text);
    END;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
