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
    # 3: what extraction finds in each sentence, and events consolidated across articles
    """
    CREATE TABLE event_mentions (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        sentence_index INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT '',
        actor_text TEXT, actor_name TEXT, actor_country TEXT, actor_sectors TEXT,
        recipient_text TEXT, recipient_name TEXT, recipient_country TEXT, recipient_sectors TEXT,
        date TEXT NOT NULL,
        date_basis TEXT NOT NULL,
        place_name TEXT, place_country TEXT, place_kind TEXT, latitude REAL, longitude REAL,
        location_text TEXT NOT NULL DEFAULT '',
        modality TEXT NOT NULL,
        reporter TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL,
        trigger TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        cameo_root TEXT NOT NULL DEFAULT '',
        quad_class INTEGER NOT NULL DEFAULT 0,
        goldstein REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX event_mentions_article ON event_mentions(article_id);
    CREATE INDEX event_mentions_date_type ON event_mentions(date, event_type);

    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT '',
        actor_name TEXT, actor_country TEXT, actor_sectors TEXT,
        recipient_name TEXT, recipient_country TEXT, recipient_sectors TEXT,
        date TEXT NOT NULL,
        date_basis TEXT NOT NULL,
        place_name TEXT, place_country TEXT, latitude REAL, longitude REAL,
        modality TEXT NOT NULL,
        confidence REAL NOT NULL,
        cameo_root TEXT NOT NULL DEFAULT '',
        quad_class INTEGER NOT NULL DEFAULT 0,
        goldstein REAL NOT NULL DEFAULT 0,
        mention_count INTEGER NOT NULL,
        article_count INTEGER NOT NULL,
        sources TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX events_date ON events(date);

    CREATE TABLE event_links (
        event_id TEXT NOT NULL REFERENCES events(id),
        mention_id TEXT NOT NULL REFERENCES event_mentions(id),
        PRIMARY KEY (event_id, mention_id)
    ) WITHOUT ROWID;

    CREATE TABLE attributions (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        sentence_index INTEGER NOT NULL,
        cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL, cue_text TEXT NOT NULL,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
        content_text TEXT NOT NULL,
        kind TEXT NOT NULL,
        stance TEXT NOT NULL,
        source_start INTEGER, source_end INTEGER, source_text TEXT NOT NULL DEFAULT '',
        source_actor TEXT,
        source_kind TEXT NOT NULL,
        parent TEXT
    );
    CREATE INDEX attributions_article ON attributions(article_id);
    CREATE INDEX attributions_source ON attributions(source_actor);

    CREATE TABLE figures (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        sentence_index INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL NOT NULL, low REAL NOT NULL, high REAL NOT NULL,
        bound TEXT NOT NULL,
        unit TEXT, referent TEXT,
        cumulative INTEGER,
        date TEXT, date_basis TEXT NOT NULL,
        attribution TEXT,
        source_actor TEXT,
        PRIMARY KEY (article_id, start, end)
    ) WITHOUT ROWID;
    CREATE INDEX figures_referent ON figures(referent, date);
    """,
    # 4: the explorer's orderings and filters on a large store, without sorting every event
    """
    CREATE INDEX events_most_reported ON events(article_count DESC, mention_count DESC, date, id);
    CREATE INDEX events_type_date ON events(event_type, date);
    """,
    # 5: filters on actor, recipient, place and outlet without reading every event. "Contains"
    # is matched in a small table of names, then the events found through an index; names of
    # events since replaced stay (they match no event), so triggers only ever insert.
    """
    CREATE TABLE event_names (
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (role, name)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO event_names
        SELECT 'actor', actor_name FROM events WHERE actor_name IS NOT NULL
        UNION SELECT 'recipient', recipient_name FROM events WHERE recipient_name IS NOT NULL
        UNION SELECT 'place', place_name FROM events WHERE place_name IS NOT NULL;
    CREATE TRIGGER events_names_insert AFTER INSERT ON events BEGIN
        INSERT OR IGNORE INTO event_names
            SELECT 'actor', new.actor_name WHERE new.actor_name IS NOT NULL
            UNION ALL SELECT 'recipient', new.recipient_name
                WHERE new.recipient_name IS NOT NULL
            UNION ALL SELECT 'place', new.place_name WHERE new.place_name IS NOT NULL;
    END;
    CREATE INDEX events_actor_name ON events(actor_name);
    CREATE INDEX events_actor_country ON events(actor_country);
    CREATE INDEX events_recipient_name ON events(recipient_name);
    CREATE INDEX events_recipient_country ON events(recipient_country);
    CREATE INDEX events_place_name ON events(place_name);
    -- an outlet's events: its articles, their mentions, the events those are linked to
    CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
    CREATE INDEX event_links_mention ON event_links(mention_id);
    ANALYZE events;
    """,
    # 6: an event's earliest reports straight from an index: a link carries its report's
    # publication date, so a much-reported event's hundreds of reports are not joined to
    # their articles and sorted to show the first ten
    """
    ALTER TABLE event_links ADD COLUMN published TEXT NOT NULL DEFAULT '';
    UPDATE event_links SET published = (
        SELECT a.published FROM event_mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.id = event_links.mention_id);
    CREATE INDEX event_links_earliest ON event_links(event_id, published, mention_id);
    """,
    # 7: an actor's or recipient's events of one type found by one index seek, and counted
    # from the index alone (type, date and the reported-first columns ride along)
    """
    DROP INDEX events_actor_name;
    DROP INDEX events_actor_country;
    DROP INDEX events_recipient_name;
    DROP INDEX events_recipient_country;
    CREATE INDEX events_actor_name
        ON events(actor_name, event_type, date, article_count, mention_count, id);
    CREATE INDEX events_actor_country
        ON events(actor_country, event_type, date, article_count, mention_count, id);
    CREATE INDEX events_recipient_name
        ON events(recipient_name, event_type, date, article_count, mention_count, id);
    CREATE INDEX events_recipient_country
        ON events(recipient_country, event_type, date, article_count, mention_count, id);
    ANALYZE events;
    """,
    # 8: articles that reading failed on, with the reason: `chronicle status` lists them, and
    # reading skips them until the reader changes (a newer READER_VERSION tries them again),
    # so one bad article neither stops a run nor is retried forever
    """
    CREATE TABLE failed_reads (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        reader_version INTEGER NOT NULL,
        reason TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 9: ACLED's coding of each report and event (types, actor categories, civilian
    # targeting) and the number killed, with its bound and source; an event keeps the lowest
    # of its reports' figures and says how it was chosen
    """
    ALTER TABLE event_mentions ADD COLUMN acled_event_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE event_mentions ADD COLUMN acled_sub_event_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE event_mentions ADD COLUMN disorder_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE event_mentions ADD COLUMN inter1 INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE event_mentions ADD COLUMN inter2 INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE event_mentions ADD COLUMN interaction INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE event_mentions ADD COLUMN civilian_targeting INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE event_mentions ADD COLUMN fatalities INTEGER;
    ALTER TABLE event_mentions ADD COLUMN fatalities_bound TEXT NOT NULL DEFAULT '';
    ALTER TABLE event_mentions ADD COLUMN fatalities_source TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN acled_event_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN acled_sub_event_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN disorder_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN inter1 INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN inter2 INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN interaction INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN civilian_targeting INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN fatalities INTEGER;
    ALTER TABLE events ADD COLUMN fatalities_bound TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN fatalities_source TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN fatalities_note TEXT NOT NULL DEFAULT '';
    CREATE INDEX events_acled ON events(acled_sub_event_type, date);
    """,
    # 10: every quantity, not only counts: a figure's dimension (currency, length, time,
    # percentage, ..., "count" for a counted noun) and the change it states ("increase to")
    """
    ALTER TABLE figures ADD COLUMN dimension TEXT;
    ALTER TABLE figures ADD COLUMN change TEXT;
    """,
    # 11: an actor's page lists the figures it gives: read them by source, not by a scan
    """
    CREATE INDEX figures_source ON figures(source_actor);
    """,
    # 12: page furniture (bylines, reader comments, share lines, ...) that ingest takes out of
    # an article's text, kept apart rather than lost: its kind, text and offset on the page,
    # in page order (idx); nothing reads it for events, claims, figures or entities
    """
    CREATE TABLE furniture (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
