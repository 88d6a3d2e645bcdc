//! `khabar stats`: the store's row counts as one JSON object.

use std::path::PathBuf;

use anyhow::Context;
use khabar_store::Store;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar stats --db corpus.db                          # {\"articles\":…,\"events\":…,…}")]
pub(crate) struct Args {
    /// The store to read.
    #[arg(long, default_value = "khabar.db")]
    db: PathBuf,
}

pub(crate) fn run(args: Args) -> anyhow::Result<bool> {
    anyhow::ensure!(args.db.exists(), "{}: no such store (make one with `khabar ingest`)", args.db.display());
    let store = Store::open_read(&args.db)?;
    let mut out = std::io::stdout().lock();
    std::io::Write::write_all(&mut out, format!("{}\n", serde_json::to_string(&store.stats().with_context(|| format!("reading the store {}", args.db.display()))?)?).as_bytes())?;
    Ok(true)
}
