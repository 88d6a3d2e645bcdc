//! `khabar search`: full-text search over the stored articles, one JSON hit a line.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use khabar_store::{Query, Store};

use crate::open_output;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar search \"امير الرياض\" --from 2015-08-01 --country SAU
  khabar search \"border AND talks\" --cameo 04 --db corpus.db")]
pub(crate) struct Args {
    /// Words to find (Arabic hamza, alef and taa marbuta spellings all match; `AND`, `OR`,
    /// `NOT` in capitals are operators; `word*` matches a prefix).
    #[arg(required = true)]
    query: Vec<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Only articles with an event located in, or with an actor of, this ISO3 country.
    #[arg(long)]
    country: Option<String>,
    /// Only articles with an event whose CAMEO code starts with this ("19", "057").
    #[arg(long)]
    cameo: Option<String>,
    /// At most this many hits.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// The store to read.
    #[arg(long, default_value = "khabar.db")]
    db: PathBuf,
}

pub(crate) fn run(args: Args) -> anyhow::Result<bool> {
    anyhow::ensure!(args.db.exists(), "{}: no such store (make one with `khabar ingest`)", args.db.display());
    let store = Store::open_read(&args.db)?;
    let q = Query {
        text: args.query.join(" "),
        from: args.from,
        to: args.to,
        country: args.country,
        cameo: args.cameo,
        limit: args.limit,
    };
    let hits = match store.search(&q) {
        Ok(h) => h,
        // a refused query is the user's to fix, said as it is
        Err(e @ khabar_store::StoreError::BadQuery(_)) => return Err(e.into()),
        Err(e) => return Err(e).with_context(|| format!("reading the store {}", args.db.display())),
    };
    let mut out = open_output(&None)?;
    for h in &hits {
        serde_json::to_writer(&mut out, h)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(true)
}
