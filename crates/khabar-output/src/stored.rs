//! Rows of events read back from the store, with the store's ids and GDELT's counts: what
//! `khabar export` and `khabar serve`'s export write, kept here so both write the same bytes.

use khabar_store::StoredEvent;
use serde_json::Value;

use crate::{gdelt_column, gdelt_row};

/// A GDELT event row whose id (GLOBALEVENTID) and NumMentions/NumSources/NumArticles come from
/// the store.
pub fn stored_gdelt_row(se: &StoredEvent) -> Vec<String> {
    let mut row = gdelt_row(&se.article, &se.event);
    row[0] = se.id.to_string();
    let mut set = |name: &str, v: i64| {
        if let Some(i) = gdelt_column(name) {
            row[i] = v.to_string();
        }
    };
    set("NumMentions", se.num_mentions);
    set("NumSources", se.num_sources);
    set("NumArticles", se.num_articles);
    row
}

/// The JSON-lines record of a stored event: the event as coded plus `event_id`, `story`, the
/// counts and the first article's `url`.
pub fn stored_json(se: &StoredEvent) -> serde_json::Result<Value> {
    let mut v = serde_json::to_value(&se.event)?;
    if let Some(o) = v.as_object_mut() {
        o.insert("event_id".into(), se.id.into());
        o.insert("story".into(), se.story.into());
        o.insert("num_mentions".into(), se.num_mentions.into());
        o.insert("num_sources".into(), se.num_sources.into());
        o.insert("num_articles".into(), se.num_articles.into());
        o.insert("url".into(), se.article.url.clone().into());
    }
    Ok(v)
}

/// A value of a flat column.
pub enum Cell {
    /// An integer, or empty.
    Int(Option<i64>),
    /// A number, or empty.
    Float(Option<f64>),
    /// Text, or empty.
    Text(Option<String>),
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Int(Some(v)) => write!(f, "{v}"),
            Cell::Float(Some(v)) => write!(f, "{v}"),
            Cell::Text(Some(v)) => f.write_str(v),
            _ => Ok(()),
        }
    }
}

/// A column of the flat table: its header and how a stored event fills it.
pub type Column = (&'static str, fn(&StoredEvent) -> Cell);

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(Some(s.into()))
}

/// The flat table of the CSV export, one row per stored event (Parquet has its own typed schema).
pub const STORED_COLUMNS: &[Column] = &[
    ("event_id", |e| Cell::Int(Some(e.id))),
    ("story", |e| Cell::Int(Some(e.story))),
    ("num_mentions", |e| Cell::Int(Some(e.num_mentions))),
    ("num_sources", |e| Cell::Int(Some(e.num_sources))),
    ("num_articles", |e| Cell::Int(Some(e.num_articles))),
    ("doc_id", |e| text(e.event.doc_id.clone())),
    ("url", |e| Cell::Text(e.article.url.clone())),
    ("sentence", |e| Cell::Int(Some(e.event.sentence as i64))),
    ("lang", |e| text(e.event.lang.clone())),
    ("published", |e| Cell::Text(e.article.published.clone())),
    ("date", |e| Cell::Text(e.event.date.clone())),
    ("date_basis", |e| Cell::Text(e.event.date_basis.clone())),
    ("cameo", |e| text(e.event.cameo.clone())),
    ("cameo_root", |e| text(e.event.cameo_root.clone())),
    ("cameo_name", |e| text(e.event.cameo_name.clone())),
    ("plover", |e| Cell::Text(e.event.plover.clone())),
    ("goldstein", |e| Cell::Float(Some(e.event.goldstein as f64))),
    ("quad_class", |e| Cell::Int(Some(e.event.quad_class as i64))),
    ("source_code", |e| Cell::Text(e.event.source.as_ref().map(|a| a.code.clone()))),
    ("source_name", |e| Cell::Text(e.event.source.as_ref().map(|a| a.name.clone()))),
    ("source_country", |e| Cell::Text(e.event.source.as_ref().and_then(|a| a.country.clone()))),
    ("target_code", |e| Cell::Text(e.event.target.as_ref().map(|a| a.code.clone()))),
    ("target_name", |e| Cell::Text(e.event.target.as_ref().map(|a| a.name.clone()))),
    ("target_country", |e| Cell::Text(e.event.target.as_ref().and_then(|a| a.country.clone()))),
    ("location_name", |e| Cell::Text(e.event.location.as_ref().map(|l| l.name.clone()))),
    ("location_country", |e| Cell::Text(e.event.location.as_ref().and_then(|l| l.country.clone()))),
    ("location_adm1", |e| Cell::Text(e.event.location.as_ref().and_then(|l| l.adm1.clone()))),
    ("lat", |e| Cell::Float(e.event.location.as_ref().and_then(|l| l.lat))),
    ("lon", |e| Cell::Float(e.event.location.as_ref().and_then(|l| l.lon))),
    ("geonameid", |e| Cell::Int(e.event.location.as_ref().and_then(|l| l.geonameid).map(|g| g as i64))),
    ("modality", |e| {
        Cell::Text(serde_json::to_value(e.event.modality).ok().and_then(|v| v.as_str().map(str::to_string)))
    }),
    ("negated", |e| Cell::Int(Some(e.event.negated as i64))),
    ("root_event", |e| Cell::Int(Some(e.event.root_event as i64))),
    ("confidence", |e| Cell::Float(Some(e.event.confidence as f64))),
    ("rule", |e| text(e.event.rule.clone())),
    ("evidence", |e| text(e.event.evidence.clone())),
];

/// One CSV record (RFC 4180, CRLF) of a stored event, in [`STORED_COLUMNS`] order; the header
/// is `stored_csv_header()`.
pub fn stored_csv_record(se: &StoredEvent) -> csv::Result<Vec<u8>> {
    let mut w = crate::csv_writer(Vec::new());
    w.write_record(STORED_COLUMNS.iter().map(|c| (c.1)(se).to_string()))?;
    w.into_inner().map_err(|e| e.into_error().into())
}

/// The CSV header line of [`STORED_COLUMNS`].
pub fn stored_csv_header() -> csv::Result<Vec<u8>> {
    let mut w = crate::csv_writer(Vec::new());
    w.write_record(STORED_COLUMNS.iter().map(|c| c.0))?;
    w.into_inner().map_err(|e| e.into_error().into())
}
