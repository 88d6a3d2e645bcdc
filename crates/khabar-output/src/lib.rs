//! Event sinks. Each writer takes an article's events as they are coded, so nothing waits for
//! the end of a run and nothing already written is lost when a later record fails.
//!
//! * [`Format::Json`]: one event a line, the contract in DESIGN.md.
//! * [`Format::Gdelt`]: the 61 tab-separated columns of the GDELT 2.0 event table, in order
//!   (see `docs/OUTPUT.md` for how each column is filled).
//! * [`Format::GdeltMentions`]: the 16 columns of the GDELT 2.0 mentions table, one row per
//!   sentence that reports an event.
//! * [`Format::Plover`]: PLOVER events shaped as POLECAT's coder writes them.
//! * [`Format::Csv`]: a flat table with a header, RFC 4180 (quoted fields, CRLF line ends).
//! * [`stored_gdelt_row`], [`stored_json`], [`stored_csv_record`]: events read back from the
//!   store, with its ids and GDELT's counts (`khabar export`, `khabar serve`).
//! * [`arrow`] (the `arrow` feature): events as typed Arrow record batches, the columns of
//!   `khabar export --format parquet`, the Python package and the Spark job.
#![deny(missing_docs)]

#[cfg(feature = "arrow")]
pub mod arrow;
mod gdelt;
mod plover;
mod stored;

use std::io::{self, Write};

use khabar_core::{Article, Event};

pub use gdelt::{
    adm1_code, date_added, event_code, gdelt_column, gdelt_event_id, gdelt_mention_row, gdelt_mention_rows, gdelt_row, geo_type,
    url_host, utc_stamp, MentionRow, GDELT_COLUMNS, GDELT_MENTION_COLUMNS,
};
pub use plover::{plover_of, plover_record, PloverCodebook, PloverIds};
pub use stored::{stored_csv_header, stored_csv_record, stored_gdelt_row, stored_json, Cell, Column, STORED_COLUMNS};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON lines.
    Json,
    /// GDELT 2.0 event table (TSV, no header, as GDELT publishes it).
    Gdelt,
    /// GDELT 2.0 mentions table (TSV, no header).
    GdeltMentions,
    /// PLOVER, POLECAT-shaped JSON lines.
    Plover,
    /// CSV with a header.
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "json" | "jsonl" => Ok(Format::Json),
            "gdelt" | "tsv" => Ok(Format::Gdelt),
            "gdelt-mentions" | "mentions" => Ok(Format::GdeltMentions),
            "plover" | "polecat" => Ok(Format::Plover),
            "csv" => Ok(Format::Csv),
            other => Err(format!("unknown format {other:?}: expected json, gdelt, gdelt-mentions, plover or csv")),
        }
    }
}

/// Writes events in one format.
pub struct EventWriter<W: Write> {
    format: Format,
    out: W,
    wrote_header: bool,
}

const CSV_HEADER: &[&str] = &[
    "doc_id", "sentence", "lang", "cameo", "cameo_root", "cameo_name", "plover", "goldstein", "quad_class",
    "source_code", "source_name", "source_text", "target_code", "target_name", "target_text", "date", "date_basis",
    "location_name", "location_country", "location_adm1", "lat", "lon", "geonameid", "location_basis", "modality",
    "negated", "confidence", "rule", "evidence",
];

impl<W: Write> EventWriter<W> {
    /// A writer of `format` into `out`.
    pub fn new(format: Format, out: W) -> Self {
        EventWriter { format, out, wrote_header: false }
    }

    /// Writes the events of one article, and flushes them.
    pub fn write(&mut self, article: &Article, events: &[Event]) -> io::Result<()> {
        match self.format {
            Format::Json => {
                for e in events {
                    serde_json::to_writer(&mut self.out, e)?;
                    self.out.write_all(b"\n")?;
                }
            }
            Format::Gdelt => {
                for e in events {
                    let row = gdelt_row(article, e);
                    self.out.write_all(row.join("\t").as_bytes())?;
                    self.out.write_all(b"\n")?;
                }
            }
            Format::GdeltMentions => {
                for e in events {
                    for row in gdelt_mention_rows(article, e) {
                        self.out.write_all(row.join("\t").as_bytes())?;
                        self.out.write_all(b"\n")?;
                    }
                }
            }
            Format::Plover => {
                for e in events {
                    let ids = PloverIds { id: gdelt_event_id(e).to_string(), story_id: e.doc_id.clone(), counts: None };
                    if let Some(v) = plover_record(article, e, &ids) {
                        serde_json::to_writer(&mut self.out, &v)?;
                        self.out.write_all(b"\n")?;
                    }
                }
            }
            Format::Csv => {
                if !self.wrote_header {
                    self.out.write_all(&csv_line(CSV_HEADER)?)?;
                    self.wrote_header = true;
                }
                for e in events {
                    self.out.write_all(&csv_line(&csv_row(e))?)?;
                }
            }
        }
        self.out.flush()
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Csv && !self.wrote_header {
            self.out.write_all(&csv_line(CSV_HEADER)?)?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A CSV writer as RFC 4180 has it: comma-separated, fields quoted when they hold a comma,
/// quote, CR or LF (quotes doubled), records ended by CRLF.
pub fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).quote_style(csv::QuoteStyle::Necessary).from_writer(out)
}

/// One CSV record, quoted as needed.
fn csv_line<T: AsRef<[u8]>>(fields: &[T]) -> io::Result<Vec<u8>> {
    let mut w = csv_writer(Vec::new());
    w.write_record(fields)?;
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

fn csv_row(e: &Event) -> Vec<String> {
    let a = |x: &Option<khabar_core::Actor>, f: fn(&khabar_core::Actor) -> String| x.as_ref().map(f).unwrap_or_default();
    let loc = e.location.as_ref();
    vec![
        e.doc_id.clone(),
        e.sentence.to_string(),
        e.lang.clone(),
        e.cameo.clone(),
        e.cameo_root.clone(),
        e.cameo_name.clone(),
        e.plover.clone().unwrap_or_default(),
        e.goldstein.to_string(),
        e.quad_class.to_string(),
        a(&e.source, |x| x.code.clone()),
        a(&e.source, |x| x.name.clone()),
        a(&e.source, |x| x.text.clone()),
        a(&e.target, |x| x.code.clone()),
        a(&e.target, |x| x.name.clone()),
        a(&e.target, |x| x.text.clone()),
        e.date.clone().unwrap_or_default(),
        e.date_basis.clone().unwrap_or_default(),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        loc.and_then(|l| l.adm1.clone()).unwrap_or_default(),
        loc.and_then(|l| l.lat).map(|v| v.to_string()).unwrap_or_default(),
        loc.and_then(|l| l.lon).map(|v| v.to_string()).unwrap_or_default(),
        loc.and_then(|l| l.geonameid).map(|v| v.to_string()).unwrap_or_default(),
        loc.map(|l| l.basis.clone()).unwrap_or_default(),
        serde_json::to_value(e.modality).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
        e.negated.to_string(),
        e.confidence.to_string(),
        e.rule.clone(),
        e.evidence.clone(),
    ]
}

#[cfg(test)]
mod tests;
