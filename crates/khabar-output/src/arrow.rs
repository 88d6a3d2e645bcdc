//! Events as Arrow record batches (the `arrow` feature): the one definition of the typed
//! columns that `khabar export --format parquet` writes and the Python package and Spark job
//! hand back, so the three agree column for column.
//!
//! One row per event: `date` a Date32, `published` a UTC timestamp (ms), the counts and ids
//! integers, `source`/`target` structs of text, name, code, country and a list of roles,
//! `location` a struct of name, country, adm1, lat, lon, geonameid, basis. A row of the store
//! ([`Row::stored`]) carries the store's ids and GDELT counts; a row of an article coded alone
//! ([`Row::coded`]) carries content ids, as `khabar code --format gdelt` does.
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Float32Array, Float64Array, Int32Array, Int64Array, Int8Array, RecordBatch, StringArray,
    StructArray, TimestampMillisecondArray,
};
use arrow_buffer::NullBuffer;
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, TimeUnit};
use khabar_core::{Actor, Article, Event, Location};
use khabar_store::StoredEvent;

use crate::gdelt_event_id;

/// The Arrow types of this module's API, for callers without their own arrow dependency.
pub use arrow_array::RecordBatch as Batch;
pub use arrow_schema::Schema as ArrowSchema;

/// One event and the ids and counts that go with it.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// `event_id`: the store's row id, or [`gdelt_event_id`] for an article coded alone.
    pub event_id: i64,
    /// `story`: the store's story, or [`story_id`] of the document for an article coded alone.
    pub story: i64,
    /// Sentences (in a store: of every article and copy) that report the event.
    pub num_mentions: i64,
    /// Distinct outlets that report it (1 for an article coded alone).
    pub num_sources: i64,
    /// Distinct articles (and copies) that report it (1 for an article coded alone).
    pub num_articles: i64,
    /// The article (its URL and publication time).
    pub article: &'a Article,
    /// The event.
    pub event: &'a Event,
}

impl<'a> Row<'a> {
    /// A row of the store: its ids and counts.
    pub fn stored(se: &'a StoredEvent) -> Row<'a> {
        Row {
            event_id: se.id,
            story: se.story,
            num_mentions: se.num_mentions,
            num_sources: se.num_sources,
            num_articles: se.num_articles,
            article: &se.article,
            event: &se.event,
        }
    }

    /// A row of an event of an article coded alone (no store): ids are hashes of the content
    /// (the event's GLOBALEVENTID as `khabar code --format gdelt` writes it, the document's
    /// [`story_id`]), counts those of one article, as in `khabar code --format gdelt`.
    pub fn coded(article: &'a Article, event: &'a Event) -> Row<'a> {
        Row {
            event_id: gdelt_event_id(event) as i64,
            story: story_id(&event.doc_id),
            num_mentions: event.mentions.len().max(1) as i64,
            num_sources: 1,
            num_articles: 1,
            article,
            event,
        }
    }
}

/// The `story` of an article coded alone: FNV-1a of its doc id, 63 bits (the same id for the
/// same document in every run, task and retry).
pub fn story_id(doc_id: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in doc_id.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (h >> 1) as i64
}

fn actor_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("name", DataType::Utf8, false),
        Field::new("code", DataType::Utf8, false),
        Field::new("country", DataType::Utf8, true),
        Field::new("roles", DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))), false),
    ])
}

fn location_fields() -> Fields {
    Fields::from(vec![
        Field::new("name", DataType::Utf8, false),
        Field::new("country", DataType::Utf8, true),
        Field::new("adm1", DataType::Utf8, true),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        Field::new("geonameid", DataType::Int64, true),
        Field::new("basis", DataType::Utf8, false),
    ])
}

/// The columns, in order (docs/STORE.md and docs/SPARK.md list them).
pub fn schema() -> Schema {
    let utf8 = |n: &str, null: bool| Field::new(n, DataType::Utf8, null);
    Schema::new(vec![
        Field::new("event_id", DataType::Int64, false),
        Field::new("story", DataType::Int64, false),
        Field::new("num_mentions", DataType::Int64, false),
        Field::new("num_sources", DataType::Int64, false),
        Field::new("num_articles", DataType::Int64, false),
        utf8("doc_id", false),
        utf8("url", true),
        Field::new("published", DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())), true),
        Field::new("sentence", DataType::Int32, false),
        utf8("lang", false),
        Field::new("date", DataType::Date32, true),
        utf8("date_basis", true),
        utf8("cameo", false),
        utf8("cameo_root", false),
        utf8("cameo_name", false),
        utf8("plover", true),
        Field::new("goldstein", DataType::Float32, false),
        Field::new("quad_class", DataType::Int8, false),
        Field::new("root_event", DataType::Boolean, false),
        Field::new("source", DataType::Struct(actor_fields()), true),
        Field::new("target", DataType::Struct(actor_fields()), true),
        Field::new("location", DataType::Struct(location_fields()), true),
        utf8("modality", false),
        Field::new("negated", DataType::Boolean, false),
        Field::new("confidence", DataType::Float32, false),
        utf8("rule", false),
        utf8("evidence", false),
    ])
}

fn strings<'a>(it: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(it))
}

fn actors(rows: &[Row], pick: fn(&Event) -> Option<&Actor>) -> Result<ArrayRef, ArrowError> {
    let a: Vec<Option<&Actor>> = rows.iter().map(|r| pick(r.event)).collect();
    let mut roles = ListBuilder::new(StringBuilder::new()).with_field(Arc::new(Field::new("item", DataType::Utf8, true)));
    for x in &a {
        for r in x.map(|x| x.roles.as_slice()).unwrap_or(&[]) {
            roles.values().append_value(r);
        }
        roles.append(true);
    }
    let arrays: Vec<ArrayRef> = vec![
        strings(a.iter().map(|x| Some(x.map_or("", |x| x.text.as_str())))),
        strings(a.iter().map(|x| Some(x.map_or("", |x| x.name.as_str())))),
        strings(a.iter().map(|x| Some(x.map_or("", |x| x.code.as_str())))),
        strings(a.iter().map(|x| x.and_then(|x| x.country.as_deref()))),
        Arc::new(roles.finish()),
    ];
    let valid = NullBuffer::from(a.iter().map(Option::is_some).collect::<Vec<_>>());
    Ok(Arc::new(StructArray::try_new(actor_fields(), arrays, Some(valid))?))
}

fn locations(rows: &[Row]) -> Result<ArrayRef, ArrowError> {
    let l: Vec<Option<&Location>> = rows.iter().map(|r| r.event.location.as_ref()).collect();
    let arrays: Vec<ArrayRef> = vec![
        strings(l.iter().map(|x| Some(x.map_or("", |x| x.name.as_str())))),
        strings(l.iter().map(|x| x.and_then(|x| x.country.as_deref()))),
        strings(l.iter().map(|x| x.and_then(|x| x.adm1.as_deref()))),
        Arc::new(Float64Array::from_iter(l.iter().map(|x| x.and_then(|x| x.lat)))),
        Arc::new(Float64Array::from_iter(l.iter().map(|x| x.and_then(|x| x.lon)))),
        Arc::new(Int64Array::from_iter(l.iter().map(|x| x.and_then(|x| x.geonameid).map(|g| g as i64)))),
        strings(l.iter().map(|x| Some(x.map_or("", |x| x.basis.as_str())))),
    ];
    let valid = NullBuffer::from(l.iter().map(Option::is_some).collect::<Vec<_>>());
    Ok(Arc::new(StructArray::try_new(location_fields(), arrays, Some(valid))?))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD…` date.
pub fn days(d: &str) -> Option<i32> {
    let d = chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((d - epoch).num_days()).ok()
}

/// Milliseconds since the epoch (UTC) of a publication date-time (whole seconds).
pub fn millis(p: &str) -> Option<i64> {
    let s = crate::utc_stamp(p)?;
    let t = chrono::NaiveDateTime::parse_from_str(&s, "%Y%m%d%H%M%S").ok()?;
    Some(t.and_utc().timestamp_millis())
}

fn modality(e: &Event) -> &'static str {
    match e.modality {
        khabar_core::Modality::Asserted => "asserted",
        khabar_core::Modality::Intended => "intended",
        khabar_core::Modality::Reported => "reported",
        khabar_core::Modality::Background => "background",
    }
}

/// The rows as one record batch of [`schema`].
pub fn batch(schema: &Arc<Schema>, rows: &[Row]) -> Result<RecordBatch, ArrowError> {
    let int = |f: fn(&Row) -> i64| -> ArrayRef { Arc::new(Int64Array::from_iter_values(rows.iter().map(f))) };
    let text = |f: fn(&Event) -> Option<&str>| strings(rows.iter().map(|r| f(r.event)));
    let flag = |f: fn(&Event) -> bool| -> ArrayRef { Arc::new(BooleanArray::from(rows.iter().map(|r| f(r.event)).collect::<Vec<_>>())) };
    let columns: Vec<ArrayRef> = vec![
        int(|r| r.event_id),
        int(|r| r.story),
        int(|r| r.num_mentions),
        int(|r| r.num_sources),
        int(|r| r.num_articles),
        text(|e| Some(e.doc_id.as_str())),
        strings(rows.iter().map(|r| r.article.url.as_deref())),
        Arc::new(TimestampMillisecondArray::from_iter(rows.iter().map(|r| r.article.published.as_deref().and_then(millis))).with_timezone("UTC")),
        Arc::new(Int32Array::from_iter_values(rows.iter().map(|r| r.event.sentence as i32))),
        text(|e| Some(e.lang.as_str())),
        Arc::new(Date32Array::from_iter(rows.iter().map(|r| r.event.date.as_deref().and_then(days)))),
        text(|e| e.date_basis.as_deref()),
        text(|e| Some(e.cameo.as_str())),
        text(|e| Some(e.cameo_root.as_str())),
        text(|e| Some(e.cameo_name.as_str())),
        text(|e| e.plover.as_deref()),
        Arc::new(Float32Array::from_iter_values(rows.iter().map(|r| r.event.goldstein))),
        Arc::new(Int8Array::from_iter_values(rows.iter().map(|r| r.event.quad_class as i8))),
        flag(|e| e.root_event),
        actors(rows, |e| e.source.as_ref())?,
        actors(rows, |e| e.target.as_ref())?,
        locations(rows)?,
        strings(rows.iter().map(|r| Some(modality(r.event)))),
        flag(|e| e.negated),
        Arc::new(Float32Array::from_iter_values(rows.iter().map(|r| r.event.confidence))),
        text(|e| Some(e.rule.as_str())),
        text(|e| Some(e.evidence.as_str())),
    ];
    RecordBatch::try_new(schema.clone(), columns)
}
