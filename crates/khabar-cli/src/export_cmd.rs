//! `khabar export`: the store's events (merged across the articles of a story, with GDELT's
//! NumMentions, NumSources and NumArticles) as GDELT rows, JSON lines, CSV or Parquet.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use khabar_output::gdelt_row;
use khabar_store::{Store, StoredEvent};

use crate::open_output;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// `gdelt` (the 61 GDELT 2.0 columns), `jsonl`, `csv` or `parquet` (with the `parquet`
    /// feature; needs `-o`).
    #[arg(long, default_value = "jsonl", value_parser = ["gdelt", "jsonl", "json", "csv", "parquet"])]
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
    let store = Store::open_read(&args.db).with_context(|| format!("cannot open the store {}", args.db.display()))?;
    if args.format == "parquet" {
        let path = args.output.as_ref().context("--format parquet needs -o FILE")?;
        return parquet_out::write(&store, path).map(|_| true);
    }
    let mut out = open_output(&args.output)?;
    let mut csv = (args.format == "csv").then(|| csv::Writer::from_writer(Vec::new()));
    if let Some(w) = csv.as_mut() {
        w.write_record(COLUMNS.iter().map(|c| c.0))?;
    }
    store.for_each_event(|se: StoredEvent| -> anyhow::Result<()> {
        match args.format.as_str() {
            "gdelt" => {
                let row = gdelt(&se);
                out.write_all(row.join("\t").as_bytes())?;
                out.write_all(b"\n")?;
            }
            "csv" => {
                let w = csv.as_mut().expect("csv writer");
                w.write_record(COLUMNS.iter().map(|c| (c.2)(&se).to_string()))?;
                let buf = std::mem::replace(w, csv::Writer::from_writer(Vec::new())).into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
                out.write_all(&buf)?;
            }
            _ => {
                let mut v = serde_json::to_value(&se.event)?;
                if let Some(o) = v.as_object_mut() {
                    o.insert("event_id".into(), se.id.into());
                    o.insert("story".into(), se.story.into());
                    o.insert("num_mentions".into(), se.num_mentions.into());
                    o.insert("num_sources".into(), se.num_sources.into());
                    o.insert("num_articles".into(), se.num_articles.into());
                    o.insert("url".into(), se.article.url.clone().into());
                }
                serde_json::to_writer(&mut out, &v)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    })?;
    if let Some(w) = csv {
        out.write_all(&w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)?;
    }
    out.flush()?;
    Ok(true)
}

/// A GDELT row whose id and counts come from the store.
fn gdelt(se: &StoredEvent) -> Vec<String> {
    let mut row = gdelt_row(&se.article, &se.event);
    row[0] = se.id.to_string();
    row[31] = se.num_mentions.to_string();
    row[32] = se.num_sources.to_string();
    row[33] = se.num_articles.to_string();
    row
}

/// A value of a flat column.
pub(crate) enum Cell {
    Int(Option<i64>),
    Float(Option<f64>),
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

/// Column type, for Parquet.
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(not(feature = "parquet"), allow(dead_code))]
pub(crate) enum Kind {
    Int,
    Float,
    Text,
}

type Column = (&'static str, Kind, fn(&StoredEvent) -> Cell);

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(Some(s.into()))
}

/// The flat table of CSV and Parquet exports, one row per stored event.
pub(crate) const COLUMNS: &[Column] = &[
    ("event_id", Kind::Int, |e| Cell::Int(Some(e.id))),
    ("story", Kind::Int, |e| Cell::Int(Some(e.story))),
    ("num_mentions", Kind::Int, |e| Cell::Int(Some(e.num_mentions))),
    ("num_sources", Kind::Int, |e| Cell::Int(Some(e.num_sources))),
    ("num_articles", Kind::Int, |e| Cell::Int(Some(e.num_articles))),
    ("doc_id", Kind::Text, |e| text(e.event.doc_id.clone())),
    ("url", Kind::Text, |e| Cell::Text(e.article.url.clone())),
    ("sentence", Kind::Int, |e| Cell::Int(Some(e.event.sentence as i64))),
    ("lang", Kind::Text, |e| text(e.event.lang.clone())),
    ("date", Kind::Text, |e| Cell::Text(e.event.date.clone())),
    ("cameo", Kind::Text, |e| text(e.event.cameo.clone())),
    ("cameo_root", Kind::Text, |e| text(e.event.cameo_root.clone())),
    ("cameo_name", Kind::Text, |e| text(e.event.cameo_name.clone())),
    ("plover", Kind::Text, |e| Cell::Text(e.event.plover.clone())),
    ("goldstein", Kind::Float, |e| Cell::Float(Some(e.event.goldstein as f64))),
    ("quad_class", Kind::Int, |e| Cell::Int(Some(e.event.quad_class as i64))),
    ("source_code", Kind::Text, |e| Cell::Text(e.event.source.as_ref().map(|a| a.code.clone()))),
    ("source_name", Kind::Text, |e| Cell::Text(e.event.source.as_ref().map(|a| a.name.clone()))),
    ("source_country", Kind::Text, |e| Cell::Text(e.event.source.as_ref().and_then(|a| a.country.clone()))),
    ("target_code", Kind::Text, |e| Cell::Text(e.event.target.as_ref().map(|a| a.code.clone()))),
    ("target_name", Kind::Text, |e| Cell::Text(e.event.target.as_ref().map(|a| a.name.clone()))),
    ("target_country", Kind::Text, |e| Cell::Text(e.event.target.as_ref().and_then(|a| a.country.clone()))),
    ("location_name", Kind::Text, |e| Cell::Text(e.event.location.as_ref().map(|l| l.name.clone()))),
    ("location_country", Kind::Text, |e| Cell::Text(e.event.location.as_ref().and_then(|l| l.country.clone()))),
    ("lat", Kind::Float, |e| Cell::Float(e.event.location.as_ref().and_then(|l| l.lat))),
    ("lon", Kind::Float, |e| Cell::Float(e.event.location.as_ref().and_then(|l| l.lon))),
    ("geonameid", Kind::Int, |e| Cell::Int(e.event.location.as_ref().and_then(|l| l.geonameid).map(|g| g as i64))),
    ("modality", Kind::Text, |e| {
        Cell::Text(serde_json::to_value(e.event.modality).ok().and_then(|v| v.as_str().map(str::to_string)))
    }),
    ("negated", Kind::Int, |e| Cell::Int(Some(e.event.negated as i64))),
    ("confidence", Kind::Float, |e| Cell::Float(Some(e.event.confidence as f64))),
    ("rule", Kind::Text, |e| text(e.event.rule.clone())),
    ("evidence", Kind::Text, |e| text(e.event.evidence.clone())),
];

#[cfg(not(feature = "parquet"))]
mod parquet_out {
    pub(crate) fn write(_store: &khabar_store::Store, _path: &std::path::Path) -> anyhow::Result<()> {
        anyhow::bail!("this khabar was built without Parquet support: rebuild with `--features parquet`")
    }
}

#[cfg(feature = "parquet")]
mod parquet_out {
    use std::sync::Arc;

    use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
    use arrow_array::{ArrayRef, RecordBatch};
    use arrow_schema::{DataType, Field, Schema};
    use parquet::arrow::ArrowWriter;

    use super::{Cell, Kind, COLUMNS};

    enum Builder {
        Int(Int64Builder),
        Float(Float64Builder),
        Text(StringBuilder),
    }

    fn builders() -> Vec<Builder> {
        COLUMNS
            .iter()
            .map(|c| match c.1 {
                Kind::Int => Builder::Int(Int64Builder::new()),
                Kind::Float => Builder::Float(Float64Builder::new()),
                Kind::Text => Builder::Text(StringBuilder::new()),
            })
            .collect()
    }

    fn flush(writer: &mut ArrowWriter<std::fs::File>, schema: &Arc<Schema>, bs: &mut [Builder]) -> anyhow::Result<()> {
        let arrays: Vec<ArrayRef> = bs
            .iter_mut()
            .map(|b| -> ArrayRef {
                match b {
                    Builder::Int(b) => Arc::new(b.finish()),
                    Builder::Float(b) => Arc::new(b.finish()),
                    Builder::Text(b) => Arc::new(b.finish()),
                }
            })
            .collect();
        writer.write(&RecordBatch::try_new(schema.clone(), arrays)?)?;
        Ok(())
    }

    pub(crate) fn write(store: &khabar_store::Store, path: &std::path::Path) -> anyhow::Result<()> {
        let fields: Vec<Field> = COLUMNS
            .iter()
            .map(|c| {
                let t = match c.1 {
                    Kind::Int => DataType::Int64,
                    Kind::Float => DataType::Float64,
                    Kind::Text => DataType::Utf8,
                };
                Field::new(c.0, t, true)
            })
            .collect();
        let schema = Arc::new(Schema::new(fields));
        let file = std::fs::File::create(path)?;
        let mut writer = ArrowWriter::try_new(file, schema.clone(), None)?;
        let mut bs = builders();
        let mut rows = 0usize;
        store.for_each_event(|se| -> anyhow::Result<()> {
            for (b, c) in bs.iter_mut().zip(COLUMNS) {
                match (b, (c.2)(&se)) {
                    (Builder::Int(b), Cell::Int(v)) => b.append_option(v),
                    (Builder::Float(b), Cell::Float(v)) => b.append_option(v),
                    (Builder::Text(b), Cell::Text(v)) => b.append_option(v),
                    _ => unreachable!("COLUMNS kinds match their cells"),
                }
            }
            rows += 1;
            if rows % 8192 == 0 {
                flush(&mut writer, &schema, &mut bs)?;
            }
            Ok(())
        })?;
        if rows % 8192 != 0 || rows == 0 {
            flush(&mut writer, &schema, &mut bs)?;
        }
        writer.close()?;
        Ok(())
    }
}
