//! khabar's embedded store: one SQLite file with articles, their sentences, the events coded
//! from them, actors, places, sources (outlets) and stories, plus full-text search.
//!
//! * [`prepare`] does the per-article work that needs no database (normalisation, text hash,
//!   sentences, MinHash signature), so callers can run it on every core.
//! * [`Store::write_batch`] writes a batch of prepared articles and failures in **one
//!   transaction**: a process killed mid-run loses at most the batch in flight, and a rerun
//!   skips what was committed. Articles are deduplicated by URL and by the hash of their
//!   normalised text; near-duplicates join the [story](minhash) of the article they copy; an
//!   event reported by several articles of a story is stored once, with GDELT's NumMentions,
//!   NumSources and NumArticles.
//! * [`Store::search`], [`Store::for_each_event`], [`Store::stats`] read it back.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = khabar_store::Store::open(&dir.path().join("k.db")).unwrap();
//! let article = khabar_core::Article {
//!     doc_id: "a1".into(),
//!     url: Some("http://example.org/1".into()),
//!     text: "وصل أمير المنطقة إلى المدينة اليوم".into(),
//!     paragraphs: vec!["وصل أمير المنطقة إلى المدينة اليوم".into()],
//!     ..Default::default()
//! };
//! let item = khabar_store::Item::Article(Box::new(khabar_store::prepare("a1.json", article, vec![])));
//! store.write_batch(vec![item]).unwrap();
//! let hits = store.search(&khabar_store::Query::new("امير المدينه")).unwrap();
//! assert_eq!(hits.len(), 1);
//! ```
#![deny(missing_docs)]

pub mod minhash;
mod schema;

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use khabar_core::{Actor, Article, Event, Location};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_128;

pub use schema::SCHEMA_VERSION;

/// Errors of the store. Each displays as one line a user can act on (SQLite's own codes are
/// translated by [`explain`]), without repeating its causes.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or set up.
    #[error("cannot open the store {path}: {}", explain(.cause))]
    Open {
        /// The database file.
        path: String,
        /// What SQLite said.
        cause: rusqlite::Error,
    },
    /// The file is an SQLite database of something else: khabar will not add its tables to it.
    #[error("{path}: not a khabar store ({why})")]
    NotAStore {
        /// The database file.
        path: String,
        /// What was found instead.
        why: String,
    },
    /// A statement failed.
    #[error("{}", explain(.0))]
    Sqlite(rusqlite::Error),
    /// The file is a khabar store of another schema version.
    #[error("{path}: store schema version {found}, this khabar writes version {SCHEMA_VERSION}")]
    Version {
        /// The database file.
        path: String,
        /// The version found.
        found: String,
    },
    /// A search that cannot be run as given (no words, too many, a malformed filter).
    #[error("search: {0}")]
    BadQuery(String),
    /// A stored event is not valid JSON.
    #[error("stored event: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

/// SQLite's error, said as what the user can do about it. The codes a user meets with a
/// damaged, foreign, read-only or full database are named; others keep SQLite's words.
pub fn explain(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    let said = match e {
        rusqlite::Error::SqliteFailure(f, Some(msg)) => format!("{msg} (SQLite code {})", f.extended_code),
        other => other.to_string(),
    };
    match e.sqlite_error_code() {
        Some(C::NotADatabase) => "not an SQLite database (is this the right file?)".into(),
        Some(C::DatabaseCorrupt) => {
            "the database file is damaged (malformed or truncated); what it held cannot be trusted: restore a copy, or ingest again into a new file".into()
        }
        Some(C::DiskFull) => "the disk is full; the batches committed before are kept: free some space and run the same ingest again".into(),
        Some(C::ReadOnly) => "the store is read-only (the file, or the folder it is in, cannot be written)".into(),
        Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => {
            "the store is locked by another process for longer than the 30 s khabar waits".into()
        }
        Some(C::CannotOpen) => format!("the file cannot be opened (does its folder exist, may it be read?): {said}"),
        Some(C::PermissionDenied) => format!("permission denied: {said}"),
        Some(C::SystemIoFailure) => format!("input/output error: {said}"),
        _ => said,
    }
}

/// Result alias of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An article with everything the writer needs computed in advance.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Where the record was read from (file, `file:line`, `archive.zip:entry[i]`).
    pub record: String,
    /// The article.
    pub article: Article,
    /// Its events, as the coder gave them.
    pub events: Vec<Event>,
    /// Its sentences, numbered as the coder numbers them.
    pub sentences: Vec<String>,
    /// Normalised title, for search.
    pub norm_title: String,
    /// Normalised text, for search.
    pub norm_text: String,
    /// 128-bit hash of the normalised text.
    pub text_hash: [u8; 16],
    /// MinHash signature, `None` for very short texts.
    pub signature: Option<Vec<u32>>,
}

/// Does the database-free work for one article: sentences (split as the coder splits them),
/// normalised title and text, text hash and MinHash signature.
pub fn prepare(record: &str, article: Article, events: Vec<Event>) -> Prepared {
    let mut sentences = Vec::new();
    for para in &article.paragraphs {
        for range in khabar_text::split_sentences(para) {
            sentences.push(para[range].to_string());
        }
    }
    let norm_text = khabar_text::normalize(&article.text);
    let norm_title = article.title.as_deref().map(khabar_text::normalize).unwrap_or_default();
    let text_hash = xxh3_128(norm_text.as_bytes()).to_le_bytes();
    let signature = minhash::signature(&norm_text);
    Prepared { record: record.to_string(), article, events, sentences, norm_title, norm_text, text_hash, signature }
}

/// One unit of a batch.
#[derive(Debug, Clone)]
pub enum Item {
    /// An article to store.
    Article(Box<Prepared>),
    /// A record that could not be read or extracted.
    Failure {
        /// The record's name.
        record: String,
        /// Why it failed.
        reason: String,
    },
    /// A record known to be stored already (its URL was seen), skipped before extraction.
    Known,
}

/// What one batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchReport {
    /// New articles stored.
    pub articles: usize,
    /// Articles already stored (same URL, or same text under the same URL or record).
    pub duplicates: usize,
    /// The same text under a new URL: stored as a copy of the article.
    pub copies: usize,
    /// New articles that joined an existing story.
    pub joined_stories: usize,
    /// Event mentions written (an event reported again adds a mention, not an event).
    pub mentions: usize,
    /// New events.
    pub events: usize,
    /// Failures recorded.
    pub failures: usize,
}

impl std::ops::AddAssign for BatchReport {
    fn add_assign(&mut self, o: BatchReport) {
        self.articles += o.articles;
        self.duplicates += o.duplicates;
        self.copies += o.copies;
        self.joined_stories += o.joined_stories;
        self.mentions += o.mentions;
        self.events += o.events;
        self.failures += o.failures;
    }
}

/// Row counts of a store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Distinct articles.
    pub articles: i64,
    /// Stories (groups of near-duplicate articles).
    pub stories: i64,
    /// Sentences of the articles.
    pub sentences: i64,
    /// Distinct events.
    pub events: i64,
    /// Event mentions (event × article × sentence).
    pub mentions: i64,
    /// Records that failed.
    pub failures: i64,
    /// Copies: the same text seen under another URL.
    pub copies: i64,
    /// Sources (outlets).
    pub sources: i64,
    /// Actors.
    pub actors: i64,
    /// Places.
    pub places: i64,
}

/// A search: words (Arabic folded as `khabar_text::normalize` folds them; `AND`/`OR`/`NOT` in
/// capitals are operators, a trailing `*` makes a prefix) and optional filters.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The words.
    pub text: String,
    /// Published on or after this date (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Published on or before this date (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// Only articles with an event whose place or either actor is of this ISO3 country.
    pub country: Option<String>,
    /// Only articles with an event whose CAMEO code starts with this.
    pub cameo: Option<String>,
    /// At most this many hits.
    pub limit: usize,
}

impl Query {
    /// A query for these words, 20 hits at most, no filters.
    pub fn new(text: &str) -> Query {
        Query { text: text.to_string(), limit: 20, ..Query::default() }
    }
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Article row id.
    pub article: i64,
    /// The article's doc_id.
    pub doc_id: String,
    /// URL.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Story id.
    pub story: i64,
    /// The first sentence that holds a query word.
    pub snippet: String,
    /// BM25 rank (lower is better).
    pub rank: f64,
}

/// A stored event with GDELT's counts, for export.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    /// Event row id (GLOBALEVENTID in GDELT exports).
    pub id: i64,
    /// Story of the event.
    pub story: i64,
    /// The event as first coded.
    pub event: Event,
    /// Mentions across all articles (and copies) of the event.
    pub num_mentions: i64,
    /// Distinct outlets that reported it.
    pub num_sources: i64,
    /// Distinct articles (and copies) that reported it.
    pub num_articles: i64,
    /// The article the event was first seen in.
    pub article: Article,
}

/// One mention of a stored event in one article or copy, for the GDELT mentions table.
#[derive(Debug, Clone)]
pub struct StoredMention {
    /// Event row id.
    pub event_id: i64,
    /// The event as first coded (its actors' words, its date).
    pub event: Event,
    /// Publication date of the article the event was first seen in (the event's DATEADDED).
    pub event_published: Option<String>,
    /// The mentioning article's row id.
    pub article_id: i64,
    /// Its doc id.
    pub doc_id: String,
    /// Its URL, or the copy's.
    pub url: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
    /// Its outlet, or the copy's.
    pub source: Option<String>,
    /// The body sentence; `None` for the headline.
    pub sentence: Option<usize>,
    /// The sentence's text (the title for the headline).
    pub sentence_text: String,
    /// The article's text.
    pub text: String,
    /// Confidence of the mention.
    pub confidence: f64,
    /// The row is a copy of the article under another URL.
    pub copy: bool,
}

/// An open store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) a store for writing. An SQLite file that holds other
    /// tables and no khabar `meta` is refused, never written into.
    pub fn open(path: &Path) -> Result<Store> {
        retry_busy(|| Store::open_once(path))
    }

    fn open_once(path: &Path) -> Result<Store> {
        let err = |cause| StoreError::Open { path: path.display().to_string(), cause };
        let conn = Connection::open(path).map_err(err)?;
        // waiting first: switching to WAL needs a lock another ingest may hold
        conn.busy_timeout(BUSY_WAIT).map_err(err)?;
        // SQLite opens a file it may not write read-only without a word: say so now, not at
        // the first batch
        if conn.is_readonly(rusqlite::MAIN_DB).map_err(err)? {
            return Err(err(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY), None)));
        }
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .map_err(err)?;
        if !tables.is_empty() && !tables.iter().any(|t| t == "meta") {
            let shown: Vec<&str> = tables.iter().take(3).map(String::as_str).collect();
            return Err(StoreError::NotAStore {
                path: path.display().to_string(),
                why: format!("an SQLite database with other tables: {}{}", shown.join(", "), if tables.len() > 3 { ", …" } else { "" }),
            });
        }
        to_wal(&conn).map_err(err)?;
        conn.execute_batch(schema::PRAGMAS).map_err(err)?;
        conn.execute_batch(&format!("BEGIN IMMEDIATE; {} COMMIT;", schema::TABLES)).map_err(err)?;
        let found: Option<String> =
            conn.query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0)).optional().map_err(err)?;
        match found {
            None => {
                conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?1)", [SCHEMA_VERSION]).map_err(err)?;
            }
            Some(v) if v == SCHEMA_VERSION => {}
            Some(v) => return Err(StoreError::Version { path: path.display().to_string(), found: v }),
        }
        Ok(Store { conn })
    }

    /// Opens an existing store for reading only. A store in a folder this process cannot write
    /// (a read-only copy handed to a researcher) is still read, as an immutable file, when no
    /// write-ahead log is beside it; with a log it cannot read, it is refused rather than read
    /// without its last batches.
    pub fn open_read(path: &Path) -> Result<Store> {
        retry_busy(|| Store::open_read_once(path))
    }

    fn open_read_once(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        let err = |cause| StoreError::Open { path: shown.clone(), cause };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(err)?;
        conn.busy_timeout(BUSY_WAIT).map_err(err)?;
        let (conn, found) = match schema_version(&conn) {
            Err(e) if needs_immutable(&e) && !has_wal(path) => {
                let uri = format!("file:{}?immutable=1", uri_path(path));
                let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI).map_err(err)?;
                let found = schema_version(&conn).map_err(err)?;
                (conn, found)
            }
            Err(e) => return Err(err(e)),
            Ok(found) => (conn, found),
        };
        match found {
            Found::Khabar(v) if v == SCHEMA_VERSION => Ok(Store { conn }),
            Found::Khabar(v) => Err(StoreError::Version { path: shown, found: v }),
            Found::Unversioned => Err(StoreError::Version { path: shown, found: "none".into() }),
            Found::NotKhabar(why) => Err(StoreError::NotAStore { path: shown, why }),
        }
    }

    /// Whether an article or a copy with this URL is stored.
    pub fn has_url(&self, url: &str) -> Result<bool> {
        let mut st = self.conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE url = ?1) OR EXISTS (SELECT 1 FROM copies WHERE key = ?1)")?;
        Ok(st.query_row([url], |r| r.get(0))?)
    }

    /// Writes a batch in one transaction: all of it is stored, or (if the process dies)
    /// none of it.
    pub fn write_batch(&mut self, items: Vec<Item>) -> Result<BatchReport> {
        // IMMEDIATE: the write lock is taken (waiting for another ingest) before anything is
        // read, so a second writer never finds its snapshot stale half-way
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut report = BatchReport::default();
        let mut touched: BTreeSet<i64> = BTreeSet::new();
        for item in items {
            match item {
                Item::Known => report.duplicates += 1,
                Item::Failure { record, reason } => {
                    tx.prepare_cached("INSERT OR IGNORE INTO failures(record, reason) VALUES (?1, ?2)")?
                        .execute(params![record, reason])?;
                    report.failures += 1;
                }
                Item::Article(p) => write_article(&tx, *p, &mut report, &mut touched)?,
            }
        }
        recount(&tx, &touched)?;
        tx.commit()?;
        Ok(report)
    }

    /// Row counts.
    pub fn stats(&self) -> Result<Stats> {
        let n = |table: &str| -> Result<i64> { Ok(self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?) };
        Ok(Stats {
            articles: n("articles")?,
            stories: n("stories")?,
            sentences: n("sentences")?,
            events: n("events")?,
            mentions: n("mentions")?,
            failures: n("failures")?,
            copies: n("copies")?,
            sources: n("sources")?,
            actors: n("actors")?,
            places: n("places")?,
        })
    }

    /// Full-text search, best first. A query with no word, more than [`MAX_QUERY_WORDS`] words
    /// or a malformed filter is refused with [`StoreError::BadQuery`]; no input reaches FTS5 as syntax.
    pub fn search(&self, q: &Query) -> Result<Vec<Hit>> {
        check_filters(q)?;
        let (fts, terms) = fts_query(&q.text)?;
        let sql = "
            SELECT a.id, a.doc_id, a.url, a.title, a.published, s.name, a.story_id, bm25(articles_fts) AS rank
            FROM articles_fts
            JOIN articles a ON a.id = articles_fts.rowid
            LEFT JOIN sources s ON s.id = a.source_id
            WHERE articles_fts MATCH ?1
              AND (?2 IS NULL OR substr(a.published, 1, 10) >= ?2)
              AND (?3 IS NULL OR substr(a.published, 1, 10) <= ?3)
              AND ((?4 IS NULL AND ?5 IS NULL) OR EXISTS (
                    SELECT 1 FROM mentions m
                    JOIN events e ON e.id = m.event_id
                    LEFT JOIN places p ON p.id = e.place_id
                    LEFT JOIN actors sa ON sa.id = e.source_actor
                    LEFT JOIN actors ta ON ta.id = e.target_actor
                    WHERE m.article_id = a.id
                      AND (?4 IS NULL OR p.country = ?4 OR sa.country = ?4 OR ta.country = ?4)
                      AND (?5 IS NULL OR e.cameo LIKE ?5 || '%')))
            ORDER BY rank
            LIMIT ?6";
        let mut st = self.conn.prepare(sql)?;
        let limit = if q.limit == 0 { 20 } else { q.limit } as i64;
        let country = q.country.as_ref().map(|c| c.to_ascii_uppercase());
        let rows = st.query_map(params![fts, q.from, q.to, country, q.cameo, limit], |r| {
            Ok(Hit {
                article: r.get(0)?,
                doc_id: r.get(1)?,
                url: r.get(2)?,
                title: r.get(3)?,
                published: r.get(4)?,
                source: r.get(5)?,
                story: r.get(6)?,
                snippet: String::new(),
                rank: r.get(7)?,
            })
        })?;
        let mut hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut sents = self.conn.prepare_cached("SELECT text FROM sentences WHERE article_id = ?1 ORDER BY idx")?;
        for h in &mut hits {
            let texts = sents.query_map([h.article], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            let found = texts.iter().find(|s| {
                let n = khabar_text::normalize(s);
                terms.iter().any(|t| n.contains(t.as_str()))
            });
            let s = found.or(texts.first()).map(String::as_str).unwrap_or("");
            h.snippet = clip(s, 240);
        }
        Ok(hits)
    }

    /// Calls `f` with every stored event, in id order.
    pub fn for_each_event<E: From<StoreError>>(&self, mut f: impl FnMut(StoredEvent) -> Result<(), E>) -> Result<(), E> {
        let sql = "
            SELECT e.id, e.story_id, e.json, e.num_mentions, e.num_sources, e.num_articles,
                   a.doc_id, a.url, a.title, a.published, s.name, a.lang
            FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN sources s ON s.id = a.source_id
            ORDER BY e.id";
        let mut st = self.conn.prepare(sql).map_err(StoreError::from)?;
        let mut rows = st.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let get = |i| -> Result<rusqlite::types::Value> { Ok(r.get(i)?) };
            let json: String = r.get(2).map_err(StoreError::from)?;
            let event: Event = serde_json::from_str(&json).map_err(StoreError::from)?;
            let text = |i| -> Result<Option<String>> {
                Ok(match get(i)? {
                    rusqlite::types::Value::Text(s) => Some(s),
                    _ => None,
                })
            };
            let article = Article {
                doc_id: text(6)?.unwrap_or_default(),
                url: text(7)?,
                title: text(8)?,
                published: text(9)?,
                site: text(10)?,
                lang: text(11)?,
                ..Article::default()
            };
            f(StoredEvent {
                id: r.get(0).map_err(StoreError::from)?,
                story: r.get(1).map_err(StoreError::from)?,
                event,
                num_mentions: r.get(3).map_err(StoreError::from)?,
                num_sources: r.get(4).map_err(StoreError::from)?,
                num_articles: r.get(5).map_err(StoreError::from)?,
                article,
            })?;
        }
        Ok(())
    }
}

impl Store {
    /// Calls `f` with every mention of every stored event, by event id, then article, then
    /// sentence; a copy of an article under another URL repeats the article's mentions, so an
    /// event has as many as its `num_mentions`.
    pub fn for_each_mention<E: From<StoreError>>(&self, mut f: impl FnMut(StoredMention) -> Result<(), E>) -> Result<(), E> {
        let sql = "
            SELECT m.event_id, e.json, fa.published, m.article_id, a.doc_id, a.url, a.published, s.name,
                   m.sentence, coalesce(sn.text, CASE WHEN m.sentence < 0 THEN a.title END, ''), a.text, m.confidence, 0 AS copy
            FROM mentions m
            JOIN events e ON e.id = m.event_id
            JOIN articles fa ON fa.id = e.article_id
            JOIN articles a ON a.id = m.article_id
            LEFT JOIN sources s ON s.id = a.source_id
            LEFT JOIN sentences sn ON sn.article_id = m.article_id AND sn.idx = m.sentence
            UNION ALL
            SELECT m.event_id, e.json, fa.published, m.article_id, a.doc_id, c.key, a.published, cs.name,
                   m.sentence, coalesce(sn.text, CASE WHEN m.sentence < 0 THEN a.title END, ''), a.text, m.confidence, 1
            FROM mentions m
            JOIN copies c ON c.article_id = m.article_id
            JOIN events e ON e.id = m.event_id
            JOIN articles fa ON fa.id = e.article_id
            JOIN articles a ON a.id = m.article_id
            LEFT JOIN sources cs ON cs.id = c.source_id
            LEFT JOIN sentences sn ON sn.article_id = m.article_id AND sn.idx = m.sentence
            ORDER BY 1, 13, 6, 4, 9";
        let mut st = self.conn.prepare(sql).map_err(StoreError::from)?;
        let mut rows = st.query([]).map_err(StoreError::from)?;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let json: String = r.get(1).map_err(StoreError::from)?;
            let sentence: i64 = r.get(8).map_err(StoreError::from)?;
            let m = (|| -> Result<StoredMention> {
                Ok(StoredMention {
                    event_id: r.get(0)?,
                    event: serde_json::from_str(&json)?,
                    event_published: r.get(2)?,
                    article_id: r.get(3)?,
                    doc_id: r.get(4)?,
                    url: r.get(5)?,
                    published: r.get(6)?,
                    source: r.get(7)?,
                    sentence: usize::try_from(sentence).ok(),
                    sentence_text: r.get(9)?,
                    text: r.get(10)?,
                    confidence: r.get(11)?,
                    copy: r.get::<_, i64>(12)? == 1,
                })
            })()?;
            f(m)?;
        }
        Ok(())
    }
}

impl Store {
    /// The connection, for read queries that other crates write themselves (`khabar serve`'s);
    /// a store opened with [`Store::open_read`] refuses every write.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The FTS5 `MATCH` expression of a user query, as [`Store::search`] builds it (empty when no
/// word is left, or the query is refused), for queries that join `articles_fts` themselves.
pub fn fts_match(text: &str) -> String {
    fts_query(text).map(|q| q.0).unwrap_or_default()
}

/// How long a writer or reader waits for another process's lock before giving up: long enough
/// for another ingest's batch on a loaded machine.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Whether SQLite said another connection holds the lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// Runs an open again while it fails on a lock, until [`BUSY_WAIT`] has passed. Some of SQLite's
/// answers of "busy" come at once, without its busy handler (the switch to WAL, a reader meeting
/// a WAL being reset), so a store two processes open together is waited for here too.
fn retry_busy(mut open: impl FnMut() -> Result<Store>) -> Result<Store> {
    let started = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(5);
    loop {
        match open() {
            Err(StoreError::Open { cause, .. }) if is_busy(&cause) && started.elapsed() < BUSY_WAIT => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(std::time::Duration::from_millis(250));
            }
            done => return done,
        }
    }
}

/// Switches the file to write-ahead logging. WAL is a property of the file, so after the first
/// open this only reads. SQLite may refuse the switch while another process has the file open,
/// leaving the mode as it was: that is told as "busy", which [`retry_busy`] waits out.
fn to_wal(conn: &Connection) -> rusqlite::Result<()> {
    let mode = |sql| conn.query_row(sql, [], |r| r.get::<_, String>(0));
    if mode("PRAGMA journal_mode")?.eq_ignore_ascii_case("wal") || mode("PRAGMA journal_mode = WAL")?.eq_ignore_ascii_case("wal") {
        return Ok(());
    }
    Err(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        Some("another process held the file while its journal was switched to WAL".into()),
    ))
}

/// What a database file says it is.
enum Found {
    Khabar(String),
    Unversioned,
    NotKhabar(String),
}

fn schema_version(conn: &Connection) -> rusqlite::Result<Found> {
    let has_meta: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')", [], |r| r.get(0))?;
    if !has_meta {
        let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        return Ok(Found::NotKhabar(if n == 0 { "an empty database".into() } else { "an SQLite database of other tables".into() }));
    }
    let v: Option<String> = conn.query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0)).optional()?;
    Ok(v.map_or(Found::Unversioned, Found::Khabar))
}

/// A read-only WAL database whose folder cannot be written: SQLite cannot make the shared
/// memory file it reads through.
fn needs_immutable(e: &rusqlite::Error) -> bool {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => {
            f.code == rusqlite::ErrorCode::ReadOnly || f.code == rusqlite::ErrorCode::CannotOpen
        }
        _ => false,
    }
}

fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(Path::new(&wal)).is_ok_and(|m| m.len() > 0)
}

/// The path as a `file:` URI path: `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for c in abs.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// At most this many words in a search; a longer query is refused, not cut.
pub const MAX_QUERY_WORDS: usize = 64;

/// The FTS5 expression of a user query, and its plain normalised terms (for snippets).
///
/// The user never writes FTS5: every word becomes a quoted phrase (quotes inside dropped, so
/// nothing a user types is FTS5 syntax), a trailing `*` a prefix, and `AND`/`OR`/`NOT` are kept
/// only between two words, so the expression is always `term (op? term)*` and always valid.
/// A query with no word to look for, or more than [`MAX_QUERY_WORDS`], is refused.
fn fts_query(text: &str) -> Result<(String, Vec<String>)> {
    let mut parts: Vec<String> = Vec::new();
    let mut terms = Vec::new();
    let mut pending_op: Option<&str> = None;
    for raw in text.split_whitespace() {
        if matches!(raw, "AND" | "OR" | "NOT") {
            if !parts.is_empty() {
                pending_op = Some(raw);
            }
            continue;
        }
        let prefix = raw.ends_with('*');
        let norm = khabar_text::search_form(raw.trim_end_matches('*')).replace('"', "");
        if norm.trim().is_empty() {
            continue;
        }
        if terms.len() == MAX_QUERY_WORDS {
            return Err(StoreError::BadQuery(format!("more than {MAX_QUERY_WORDS} words: search for fewer")));
        }
        if let Some(op) = pending_op.take() {
            parts.push(op.to_string());
        }
        terms.push(norm.clone());
        parts.push(if prefix { format!("\"{norm}\"*") } else { format!("\"{norm}\"") });
    }
    if parts.is_empty() {
        let why = if text.trim().is_empty() { "the query is empty" } else { "the query has no word to look for (only operators or punctuation)" };
        return Err(StoreError::BadQuery(why.into()));
    }
    Ok((parts.join(" "), terms))
}

/// Checks the filters of a search: dates as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a country as
/// three letters, a CAMEO code as digits.
fn check_filters(q: &Query) -> Result<()> {
    let bad = |what: &str, v: &str, want: &str| Err(StoreError::BadQuery(format!("{what} {:?}: expected {want}", clip(v, 40))));
    for (what, d) in [("--from", &q.from), ("--to", &q.to)] {
        if let Some(d) = d {
            let num = |r: std::ops::Range<usize>| d.get(r).filter(|x| x.bytes().all(|c| c.is_ascii_digit())).and_then(|x| x.parse::<u32>().ok());
            let ok = matches!(d.len(), 4 | 7 | 10)
                && num(0..4).is_some()
                && (d.len() < 7 || (d.as_bytes()[4] == b'-' && num(5..7).is_some_and(|m| (1..=12).contains(&m))))
                && (d.len() < 10 || (d.as_bytes()[7] == b'-' && num(8..10).is_some_and(|m| (1..=31).contains(&m))));
            if !ok {
                return bad(what, d, "a date as YYYY-MM-DD (or YYYY-MM, YYYY)");
            }
        }
    }
    if let Some(c) = &q.country {
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
            return bad("--country", c, "a three-letter ISO code such as SAU");
        }
    }
    if let Some(c) = &q.cameo {
        if c.is_empty() || c.len() > 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
            return bad("--cameo", c, "a CAMEO code or its start, digits such as 19 or 057");
        }
    }
    Ok(())
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.trim_start_matches("www.").to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

fn source_id(tx: &rusqlite::Transaction, article: &Article) -> Result<Option<i64>> {
    let name = article.site.clone().filter(|s| !s.trim().is_empty()).or_else(|| article.url.as_deref().and_then(host_of));
    let Some(name) = name else { return Ok(None) };
    tx.prepare_cached("INSERT OR IGNORE INTO sources(name) VALUES (?1)")?.execute([&name])?;
    Ok(Some(tx.prepare_cached("SELECT id FROM sources WHERE name = ?1")?.query_row([&name], |r| r.get(0))?))
}

fn actor_id(tx: &rusqlite::Transaction, a: Option<&Actor>) -> Result<Option<i64>> {
    let Some(a) = a else { return Ok(None) };
    tx.prepare_cached("INSERT OR IGNORE INTO actors(code, name, country, roles) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![a.code, a.name, a.country, a.roles.join(" ")])?;
    Ok(Some(tx.prepare_cached("SELECT id FROM actors WHERE code = ?1 AND name = ?2")?.query_row(params![a.code, a.name], |r| r.get(0))?))
}

fn place_key(l: &Location) -> String {
    match l.geonameid {
        Some(g) => format!("geonames:{g}"),
        None => format!("{}|{}", l.country.as_deref().unwrap_or(""), l.name),
    }
}

fn place_id(tx: &rusqlite::Transaction, l: Option<&Location>) -> Result<Option<i64>> {
    let Some(l) = l else { return Ok(None) };
    let key = place_key(l);
    tx.prepare_cached("INSERT OR IGNORE INTO places(key, name, country, adm1, lat, lon, geonameid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?
        .execute(params![key, l.name, l.country, l.adm1, l.lat, l.lon, l.geonameid.map(|g| g as i64)])?;
    Ok(Some(tx.prepare_cached("SELECT id FROM places WHERE key = ?1")?.query_row([&key], |r| r.get(0))?))
}

/// The identity of an event within a story: what happened, between whom, when and where.
/// Two articles of one story that code the same identity report one event.
fn event_key(story: i64, e: &Event) -> [u8; 16] {
    let code = |a: &Option<Actor>| a.as_ref().map(|a| a.code.clone()).unwrap_or_default();
    let key = format!(
        "{story}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        e.cameo,
        code(&e.source),
        code(&e.target),
        e.date.as_deref().unwrap_or(""),
        e.location.as_ref().map(place_key).unwrap_or_default(),
        e.negated
    );
    xxh3_128(key.as_bytes()).to_le_bytes()
}

fn write_article(tx: &rusqlite::Transaction, p: Prepared, report: &mut BatchReport, touched: &mut BTreeSet<i64>) -> Result<()> {
    let a = &p.article;
    let key = a.url.clone().unwrap_or_else(|| p.record.clone());
    // seen under this URL (or record) before?
    let seen: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE url = ?1) OR EXISTS (SELECT 1 FROM copies WHERE key = ?1)")?
        .query_row([&key], |r| r.get(0))?;
    if seen {
        report.duplicates += 1;
        return Ok(());
    }
    // the same text under another name?
    let same: Option<(i64, Option<String>, String)> = tx
        .prepare_cached("SELECT id, url, record FROM articles WHERE text_hash = ?1")?
        .query_row([&p.text_hash[..]], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if let Some((id, url, record)) = same {
        // without a URL there is no telling another outlet's copy from the same file read
        // under another path: only a new URL makes a copy
        if a.url.is_none() || url.as_deref().unwrap_or(&record) == key {
            report.duplicates += 1;
            return Ok(());
        }
        let source = source_id(tx, a)?;
        let n = tx
            .prepare_cached("INSERT OR IGNORE INTO copies(key, article_id, source_id, record) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![key, id, source, p.record])?;
        if n > 0 {
            report.copies += 1;
            let mut st = tx.prepare_cached("SELECT DISTINCT event_id FROM mentions WHERE article_id = ?1")?;
            for ev in st.query_map([id], |r| r.get::<_, i64>(0))? {
                touched.insert(ev?);
            }
        } else {
            report.duplicates += 1;
        }
        return Ok(());
    }

    // a new article: which story does it tell?
    let mut story: Option<i64> = None;
    let keys = p.signature.as_deref().map(minhash::band_keys).unwrap_or_default();
    if let Some(sig) = &p.signature {
        let mut candidates: HashSet<i64> = HashSet::new();
        let mut st = tx.prepare_cached("SELECT article_id FROM lsh WHERE bucket = ?1 LIMIT 64")?;
        for k in &keys {
            for id in st.query_map([k], |r| r.get::<_, i64>(0))? {
                candidates.insert(id?);
            }
        }
        let mut best: Option<(f32, i64, i64)> = None;
        let mut st = tx.prepare_cached("SELECT story_id, minhash FROM articles WHERE id = ?1")?;
        let mut ordered: Vec<i64> = candidates.into_iter().collect();
        ordered.sort_unstable();
        for id in ordered {
            let (sid, bytes): (i64, Option<Vec<u8>>) = st.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let sim = bytes.map(|b| minhash::similarity(sig, &minhash::from_bytes(&b))).unwrap_or(0.0);
            if sim >= minhash::NEAR_DUPLICATE && best.is_none_or(|(s, _, _)| sim > s) {
                best = Some((sim, id, sid));
            }
        }
        story = best.map(|(_, _, sid)| sid);
    }
    let new_story = story.is_none();
    let story = match story {
        Some(s) => {
            report.joined_stories += 1;
            s
        }
        None => {
            tx.prepare_cached("INSERT INTO stories(title) VALUES (?1)")?.execute([&a.title])?;
            tx.last_insert_rowid()
        }
    };
    let source = source_id(tx, a)?;
    let dl = a.dateline.as_ref();
    tx.prepare_cached(
        "INSERT INTO articles(doc_id, record, url, text_hash, story_id, source_id, title, published, lang, agency, author,
                              dateline_place, dateline_date, text, minhash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        a.doc_id,
        p.record,
        a.url,
        &p.text_hash[..],
        story,
        source,
        a.title,
        a.published,
        a.lang,
        a.agency,
        a.author,
        dl.and_then(|d| d.place.clone()),
        dl.and_then(|d| d.date.clone()),
        a.text,
        p.signature.as_deref().map(minhash::to_bytes),
    ])?;
    let article_id = tx.last_insert_rowid();
    report.articles += 1;
    if new_story {
        tx.prepare_cached("UPDATE stories SET first_article = ?1 WHERE id = ?2")?.execute([article_id, story])?;
    }
    tx.prepare_cached("INSERT INTO articles_fts(rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![article_id, khabar_text::search_form(&p.norm_title), khabar_text::search_form(&p.norm_text)])?;
    {
        let mut st = tx.prepare_cached("INSERT OR IGNORE INTO sentences(article_id, idx, text) VALUES (?1, ?2, ?3)")?;
        for (i, s) in p.sentences.iter().enumerate() {
            st.execute(params![article_id, i as i64, s])?;
        }
        let mut st = tx.prepare_cached("INSERT OR IGNORE INTO lsh(bucket, article_id) VALUES (?1, ?2)")?;
        for k in &keys {
            st.execute(params![k, article_id])?;
        }
    }
    for e in &p.events {
        let ekey = event_key(story, e);
        let src = actor_id(tx, e.source.as_ref())?;
        let tgt = actor_id(tx, e.target.as_ref())?;
        let place = place_id(tx, e.location.as_ref())?;
        let modality = serde_json::to_value(e.modality)?.as_str().unwrap_or("asserted").to_string();
        let n = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO events(key, story_id, article_id, sentence, date, cameo, cameo_root, plover, goldstein,
                    quad_class, source_actor, target_actor, place_id, lang, modality, negated, confidence, rule, evidence, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
            )?
            .execute(params![
                &ekey[..],
                story,
                article_id,
                e.sentence as i64,
                e.date,
                e.cameo,
                e.cameo_root,
                e.plover,
                e.goldstein as f64,
                e.quad_class,
                src,
                tgt,
                place,
                e.lang,
                modality,
                e.negated,
                e.confidence as f64,
                e.rule,
                e.evidence,
                serde_json::to_string(e)?,
            ])?;
        report.events += n;
        let event_id: i64 = tx.prepare_cached("SELECT id FROM events WHERE key = ?1")?.query_row([&ekey[..]], |r| r.get(0))?;
        // every sentence of the article that reports the event (the headline as sentence -1)
        let mut st = tx.prepare_cached("INSERT OR IGNORE INTO mentions(event_id, article_id, sentence, confidence) VALUES (?1, ?2, ?3, ?4)")?;
        if e.mentions.is_empty() {
            report.mentions += st.execute(params![event_id, article_id, e.sentence as i64, e.confidence as f64])?;
        }
        for m in &e.mentions {
            let sentence = m.sentence.map_or(-1, |s| s as i64);
            report.mentions += st.execute(params![event_id, article_id, sentence, m.confidence as f64])?;
        }
        touched.insert(event_id);
    }
    Ok(())
}

/// Recomputes GDELT's counts for the events a batch touched. Copies of an article count as
/// further articles (and sources) that mention the same events.
///
/// * NumMentions: mentions in all articles and copies, several in one article included.
/// * NumArticles: distinct articles and copies.
/// * NumSources: distinct outlets among them (an article of unknown outlet counts as one).
fn recount(tx: &rusqlite::Transaction, touched: &BTreeSet<i64>) -> Result<()> {
    // written without the `docs` view: SQLite materialises a UNION ALL view whole, which
    // made every recount scan all articles (quadratic ingest)
    let mut st = tx.prepare_cached(
        "UPDATE events SET
            num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1)
                         + (SELECT count(*) FROM mentions m JOIN copies c ON c.article_id = m.article_id
                            WHERE m.event_id = ?1),
            num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = ?1)
                         + (SELECT count(*) FROM copies
                            WHERE article_id IN (SELECT article_id FROM mentions WHERE event_id = ?1)),
            num_sources  = (SELECT count(*) FROM (
                                SELECT coalesce(a.source_id, 0) FROM mentions m JOIN articles a ON a.id = m.article_id
                                WHERE m.event_id = ?1
                                UNION
                                SELECT coalesce(c.source_id, 0) FROM mentions m JOIN copies c ON c.article_id = m.article_id
                                WHERE m.event_id = ?1))
         WHERE id = ?1",
    )?;
    for id in touched {
        st.execute([id])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
