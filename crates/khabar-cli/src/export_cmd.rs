//! `khabar export`: the store's events (merged across the articles of a story, with GDELT's
//! NumMentions, NumSources and NumArticles) as GDELT events or mentions, PLOVER JSON, JSON
//! lines, CSV or Parquet.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use khabar_output::{
    date_added, gdelt_mention_row, plover_record, stored_csv_header, stored_csv_record, stored_gdelt_row, stored_json, url_host, utc_stamp,
    MentionRow, PloverIds,
};
use khabar_store::{Store, StoredEvent, StoredMention};

use crate::open_output;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar export --format gdelt -o events.tsv            # the 61 GDELT 2.0 event columns
  khabar export --format gdelt-mentions -o mentions.tsv # the GDELT 2.0 mentions table
  khabar export --format plover -o events.jsonl         # PLOVER, as POLECAT writes it
  khabar export --format csv --db corpus.db -o events.csv
  khabar export --format parquet -o events.parquet      # built with --features parquet")]
pub(crate) struct Args {
    /// `gdelt` (the 61 GDELT 2.0 event columns), `gdelt-mentions` (the GDELT 2.0 mentions
    /// table), `plover` (POLECAT-shaped JSON lines), `jsonl`, `csv` or `parquet` (with the
    /// `parquet` feature; needs `-o`).
    #[arg(long, default_value = "jsonl", value_parser = ["gdelt", "gdelt-mentions", "plover", "jsonl", "json", "csv", "parquet"])]
    format: String,
    /// The store to read.
    #[arg(long, default_value = "khabar.db")]
    db: PathBuf,
    /// Write here instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub(crate) fn run(args: Args) -> anyhow::Result<bool> {
    anyhow::ensure!(args.db.exists(), "{}: no such store (make one with `khabar ingest`)", args.db.display());
    let store = Store::open_read(&args.db)?;
    if args.format == "parquet" {
        let path = args.output.as_ref().context("--format parquet needs -o FILE")?;
        return parquet_out::write(&store, path).map(|_| true);
    }
    let mut out = open_output(&args.output)?;
    if args.format == "gdelt-mentions" {
        store.for_each_mention(|m: StoredMention| -> anyhow::Result<()> {
            out.write_all(mention(&m).join("\t").as_bytes())?;
            out.write_all(b"\n")?;
            Ok(())
        })?;
        out.flush()?;
        return Ok(true);
    }
    if args.format == "csv" {
        out.write_all(&stored_csv_header()?)?;
    }
    store.for_each_event(|se: StoredEvent| -> anyhow::Result<()> {
        match args.format.as_str() {
            "gdelt" => {
                out.write_all(stored_gdelt_row(&se).join("\t").as_bytes())?;
                out.write_all(b"\n")?;
            }
            "plover" => {
                let ids = PloverIds {
                    id: se.id.to_string(),
                    story_id: se.story.to_string(),
                    counts: Some((se.num_mentions, se.num_sources, se.num_articles)),
                };
                if let Some(v) = plover_record(&se.article, &se.event, &ids) {
                    serde_json::to_writer(&mut out, &v)?;
                    out.write_all(b"\n")?;
                }
            }
            "csv" => out.write_all(&stored_csv_record(&se)?)?,
            _ => {
                serde_json::to_writer(&mut out, &stored_json(&se)?)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(true)
}

/// A GDELT mentions row of a stored mention: the event's row id and DATEADDED, the article's
/// (or copy's) URL, outlet and time.
fn mention(m: &StoredMention) -> Vec<String> {
    let first = khabar_core::Article { published: m.event_published.clone(), ..Default::default() };
    let host = m.url.as_deref().and_then(url_host);
    gdelt_mention_row(&MentionRow {
        event_id: m.event_id.to_string(),
        event_time: date_added(&first, &m.event),
        mention_time: m.published.as_deref().and_then(utc_stamp).unwrap_or_default(),
        source_name: m.source.as_deref().or(host.as_deref()).unwrap_or(""),
        identifier: m.url.as_deref().unwrap_or(&m.doc_id),
        sentence: m.sentence,
        evidence: &m.sentence_text,
        doc_text: &m.text,
        actor1: m.event.source.as_ref().map(|a| a.text.as_str()),
        actor2: m.event.target.as_ref().map(|a| a.text.as_str()),
        confidence: m.confidence as f32,
    })
}

#[cfg(not(feature = "parquet"))]
mod parquet_out {
    pub(crate) fn write(_store: &khabar_store::Store, _path: &std::path::Path) -> anyhow::Result<()> {
        anyhow::bail!("this khabar was built without Parquet support: rebuild with `--features parquet`")
    }
}

#[cfg(feature = "parquet")]
mod parquet_out {
    //! One row per stored event, typed: `date` a Date32, `published` a UTC timestamp (ms), the
    //! counts and ids integers, `source`/`target` structs of text, name, code, country and a
    //! list of roles, `location` a struct of name, country, adm1, lat, lon, geonameid, basis.
    use std::sync::Arc;

    use arrow_array::builder::{ListBuilder, StringBuilder};
    use arrow_array::{
        ArrayRef, BooleanArray, Date32Array, Float32Array, Float64Array, Int32Array, Int64Array, Int8Array, RecordBatch, StringArray,
        StructArray, TimestampMillisecondArray,
    };
    use arrow_buffer::NullBuffer;
    use arrow_schema::{DataType, Field, Fields, Schema, TimeUnit};
    use khabar_core::{Actor, Location};
    use khabar_store::StoredEvent;
    use parquet::arrow::ArrowWriter;

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

    /// The Parquet schema (docs/STORE.md lists it).
    pub(crate) fn schema() -> Schema {
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

    fn actors(evs: &[StoredEvent], pick: fn(&StoredEvent) -> Option<&Actor>) -> anyhow::Result<ArrayRef> {
        let a: Vec<Option<&Actor>> = evs.iter().map(pick).collect();
        let mut roles = ListBuilder::new(StringBuilder::new());
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

    fn locations(evs: &[StoredEvent]) -> anyhow::Result<ArrayRef> {
        let l: Vec<Option<&Location>> = evs.iter().map(|e| e.event.location.as_ref()).collect();
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
    fn days(d: &str) -> Option<i32> {
        let d = chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()?;
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
        i32::try_from((d - epoch).num_days()).ok()
    }

    /// Milliseconds since the epoch (UTC) of a publication date-time (Parquet has no seconds).
    fn millis(p: &str) -> Option<i64> {
        let s = khabar_output::utc_stamp(p)?;
        let t = chrono::NaiveDateTime::parse_from_str(&s, "%Y%m%d%H%M%S").ok()?;
        Some(t.and_utc().timestamp_millis())
    }

    fn batch(schema: &Arc<Schema>, evs: &[StoredEvent]) -> anyhow::Result<RecordBatch> {
        let int = |f: fn(&StoredEvent) -> i64| -> ArrayRef { Arc::new(Int64Array::from_iter_values(evs.iter().map(f))) };
        let text = |f: fn(&StoredEvent) -> Option<&str>| strings(evs.iter().map(f));
        let flag = |f: fn(&StoredEvent) -> bool| -> ArrayRef { Arc::new(BooleanArray::from(evs.iter().map(f).collect::<Vec<_>>())) };
        let columns: Vec<ArrayRef> = vec![
            int(|e| e.id),
            int(|e| e.story),
            int(|e| e.num_mentions),
            int(|e| e.num_sources),
            int(|e| e.num_articles),
            text(|e| Some(e.event.doc_id.as_str())),
            text(|e| e.article.url.as_deref()),
            Arc::new(TimestampMillisecondArray::from_iter(evs.iter().map(|e| e.article.published.as_deref().and_then(millis))).with_timezone("UTC")),
            Arc::new(Int32Array::from_iter_values(evs.iter().map(|e| e.event.sentence as i32))),
            text(|e| Some(e.event.lang.as_str())),
            Arc::new(Date32Array::from_iter(evs.iter().map(|e| e.event.date.as_deref().and_then(days)))),
            text(|e| e.event.date_basis.as_deref()),
            text(|e| Some(e.event.cameo.as_str())),
            text(|e| Some(e.event.cameo_root.as_str())),
            text(|e| Some(e.event.cameo_name.as_str())),
            text(|e| e.event.plover.as_deref()),
            Arc::new(Float32Array::from_iter_values(evs.iter().map(|e| e.event.goldstein))),
            Arc::new(Int8Array::from_iter_values(evs.iter().map(|e| e.event.quad_class as i8))),
            flag(|e| e.event.root_event),
            actors(evs, |e| e.event.source.as_ref())?,
            actors(evs, |e| e.event.target.as_ref())?,
            locations(evs)?,
            strings(evs.iter().map(|e| Some(modality(e)))),
            flag(|e| e.event.negated),
            Arc::new(Float32Array::from_iter_values(evs.iter().map(|e| e.event.confidence))),
            text(|e| Some(e.event.rule.as_str())),
            text(|e| Some(e.event.evidence.as_str())),
        ];
        Ok(RecordBatch::try_new(schema.clone(), columns)?)
    }

    fn modality(e: &StoredEvent) -> &'static str {
        match e.event.modality {
            khabar_core::Modality::Asserted => "asserted",
            khabar_core::Modality::Intended => "intended",
            khabar_core::Modality::Reported => "reported",
            khabar_core::Modality::Background => "background",
        }
    }

    pub(crate) fn write(store: &khabar_store::Store, path: &std::path::Path) -> anyhow::Result<()> {
        let schema = Arc::new(schema());
        let file = std::fs::File::create(path)?;
        let mut writer = ArrowWriter::try_new(file, schema.clone(), None)?;
        let mut pending: Vec<StoredEvent> = Vec::new();
        store.for_each_event(|se| -> anyhow::Result<()> {
            pending.push(se);
            if pending.len() == 8192 {
                writer.write(&batch(&schema, &pending)?)?;
                pending.clear();
            }
            Ok(())
        })?;
        if !pending.is_empty() {
            writer.write(&batch(&schema, &pending)?)?;
        }
        writer.close()?;
        Ok(())
    }
}
