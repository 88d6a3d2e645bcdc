//! The SQL schema. docs/STORE.md explains every table; keep the two together.

/// Bumped whenever a table changes shape; a store of another version is refused.
pub const SCHEMA_VERSION: &str = "1";

/// Connection settings: WAL so a reader never blocks the writer and a killed writer leaves
/// the last committed batch intact; NORMAL sync is safe against a killed process (only power
/// loss can take back the last transactions, never corrupt the file).
/// The switch to WAL itself is [`crate::Store::open`]'s: SQLite does not wait on a busy lock
/// for it.
pub const PRAGMAS: &str = "
PRAGMA synchronous = NORMAL;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -65536;
PRAGMA busy_timeout = 30000;
PRAGMA wal_autocheckpoint = 16384;
PRAGMA journal_size_limit = 67108864;
";

pub const TABLES: &str = "
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS stories (
    id            INTEGER PRIMARY KEY,
    first_article INTEGER,
    title         TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id             INTEGER PRIMARY KEY,
    doc_id         TEXT NOT NULL,
    record         TEXT NOT NULL,
    url            TEXT UNIQUE,
    text_hash      BLOB NOT NULL UNIQUE,
    story_id       INTEGER NOT NULL REFERENCES stories(id),
    source_id      INTEGER REFERENCES sources(id),
    title          TEXT,
    published      TEXT,
    lang           TEXT,
    agency         TEXT,
    author         TEXT,
    dateline_place TEXT,
    dateline_date  TEXT,
    text           TEXT NOT NULL,
    minhash        BLOB
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS copies (
    key        TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    source_id  INTEGER REFERENCES sources(id),
    record     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS copies_article ON copies(article_id);
CREATE VIEW IF NOT EXISTS docs AS
    SELECT id AS article_id, source_id FROM articles
    UNION ALL
    SELECT article_id, source_id FROM copies;
CREATE TABLE IF NOT EXISTS sentences (
    article_id INTEGER NOT NULL,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actors (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL,
    name    TEXT NOT NULL,
    country TEXT,
    roles   TEXT NOT NULL,
    UNIQUE (code, name)
);
CREATE TABLE IF NOT EXISTS places (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    country   TEXT,
    adm1      TEXT,
    lat       REAL,
    lon       REAL,
    geonameid INTEGER
);
CREATE TABLE IF NOT EXISTS events (
    id           INTEGER PRIMARY KEY,
    key          BLOB NOT NULL UNIQUE,
    story_id     INTEGER NOT NULL REFERENCES stories(id),
    article_id   INTEGER NOT NULL REFERENCES articles(id),
    sentence     INTEGER NOT NULL,
    date         TEXT,
    cameo        TEXT NOT NULL,
    cameo_root   TEXT NOT NULL,
    plover       TEXT,
    goldstein    REAL NOT NULL,
    quad_class   INTEGER NOT NULL,
    source_actor INTEGER REFERENCES actors(id),
    target_actor INTEGER REFERENCES actors(id),
    place_id     INTEGER REFERENCES places(id),
    lang         TEXT NOT NULL,
    modality     TEXT NOT NULL,
    negated      INTEGER NOT NULL,
    confidence   REAL NOT NULL,
    rule         TEXT NOT NULL,
    evidence     TEXT NOT NULL,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources  INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    json         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
-- every column a filter, an aggregate or a date-ordered page of `khabar serve` reads, so those
-- queries scan this index (a few dozen bytes an event) instead of the wide rows
CREATE INDEX IF NOT EXISTS events_facets ON events(date, id, quad_class, cameo_root, cameo, plover,
    source_actor, target_actor, place_id, story_id, num_mentions);
CREATE TABLE IF NOT EXISTS mentions (
    event_id   INTEGER NOT NULL REFERENCES events(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    sentence   INTEGER NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (event_id, article_id, sentence)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE TABLE IF NOT EXISTS lsh (
    bucket     INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (bucket, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS failures (
    record TEXT PRIMARY KEY,
    reason TEXT NOT NULL
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
";
