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
pub(crate) mod parquet_out {
    const MISSING: &str = "this khabar was built without Parquet support: rebuild with `--features parquet`";

    pub(crate) fn write(_store: &khabar_store::Store, _path: &std::path::Path) -> anyhow::Result<()> {
        anyhow::bail!(MISSING)
    }

    /// `khabar code --format parquet` (not built in).
    pub(crate) enum Coded {}

    impl Coded {
        pub(crate) fn create(_path: &std::path::Path) -> anyhow::Result<Coded> {
            anyhow::bail!(MISSING)
        }
        pub(crate) fn write(&mut self, _a: &khabar_core::Article, _e: &[khabar_core::Event]) -> anyhow::Result<()> {
            match *self {}
        }
        pub(crate) fn finish(self) -> anyhow::Result<()> {
            match self {}
        }
    }
}

#[cfg(feature = "parquet")]
pub(crate) mod parquet_out {
    //! One row per stored event, with the columns of `khabar_output::arrow` (the same the
    //! Python package and the Spark job write).
    use std::sync::Arc;

    use khabar_output::arrow::{batch, schema, Row};
    use khabar_store::StoredEvent;
    use parquet::arrow::ArrowWriter;

    /// `khabar code --format parquet`: each article's events as rows with content ids
    /// ([`Row::coded`]), as the Python package and the Spark job give them.
    pub(crate) struct Coded {
        schema: Arc<khabar_output::arrow::ArrowSchema>,
        writer: ArrowWriter<std::fs::File>,
    }

    impl Coded {
        pub(crate) fn create(path: &std::path::Path) -> anyhow::Result<Coded> {
            let schema = Arc::new(schema());
            let file = std::fs::File::create(path).map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?;
            Ok(Coded { writer: ArrowWriter::try_new(file, schema.clone(), None)?, schema })
        }

        pub(crate) fn write(&mut self, article: &khabar_core::Article, events: &[khabar_core::Event]) -> anyhow::Result<()> {
            if !events.is_empty() {
                let rows: Vec<Row> = events.iter().map(|e| Row::coded(article, e)).collect();
                self.writer.write(&batch(&self.schema, &rows)?)?;
            }
            Ok(())
        }

        pub(crate) fn finish(self) -> anyhow::Result<()> {
            self.writer.close()?;
            Ok(())
        }
    }

    fn rows(evs: &[StoredEvent]) -> Vec<Row<'_>> {
        evs.iter().map(Row::stored).collect()
    }

    pub(crate) fn write(store: &khabar_store::Store, path: &std::path::Path) -> anyhow::Result<()> {
        let schema = Arc::new(schema());
        let file = std::fs::File::create(path)?;
        let mut writer = ArrowWriter::try_new(file, schema.clone(), None)?;
        let mut pending: Vec<StoredEvent> = Vec::new();
        store.for_each_event(|se| -> anyhow::Result<()> {
            pending.push(se);
            if pending.len() == 8192 {
                writer.write(&batch(&schema, &rows(&pending))?)?;
                pending.clear();
            }
            Ok(())
        })?;
        if !pending.is_empty() {
            writer.write(&batch(&schema, &rows(&pending))?)?;
        }
        writer.close()?;
        Ok(())
    }
}
