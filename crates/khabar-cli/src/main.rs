//! `khabar`: news pages in, political events out.
//!
//! Each subcommand lives in its own module; this file only parses arguments and dispatches.

mod code_cmd;
mod eval_cmd;
mod export_cmd;
mod extract_cmd;
mod ingest_cmd;
mod lexicon_cmd;
mod search_cmd;
mod stats_cmd;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "khabar", version, about = "Political event data from raw news pages, in Arabic and English.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract articles (main text and metadata), one JSON object a line.
    Extract(extract_cmd::Args),
    /// Code events, one a line.
    Code(code_cmd::Args),
    /// Code a gold file and score the events: P/R/F1 as the gold sets' scorer defines them.
    Eval(eval_cmd::Args),
    /// Ingest a corpus into the store (SQLite): articles, sentences, events, stories.
    Ingest(ingest_cmd::Args),
    /// Search the stored articles (Arabic and English, spelling variants folded).
    Search(search_cmd::Args),
    /// Export the stored events: GDELT rows, JSON lines, CSV or Parquet.
    Export(export_cmd::Args),
    /// Print the store's counts as one JSON object.
    Stats(stats_cmd::Args),
    /// Report on the compiled-in dictionaries: `--coverage` lists the patterns per CAMEO code.
    Lexicon(lexicon_cmd::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract_cmd::run(args),
        Command::Code(args) => code_cmd::run(args),
        Command::Eval(args) => eval_cmd::run(args),
        Command::Ingest(args) => ingest_cmd::run(args),
        Command::Search(args) => search_cmd::run(args),
        Command::Export(args) => export_cmd::run(args),
        Command::Stats(args) => stats_cmd::run(args),
        Command::Lexicon(args) => lexicon_cmd::run(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // the reader went away (`khabar code … | head`): not an error of ours
        Err(e) if e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("khabar: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A buffered writer to a file, or to stdout when no path is given.
pub(crate) fn open_output(path: &Option<PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Counts and reports failed records: one line on stderr each, naming the record.
#[derive(Default)]
pub(crate) struct Failures(pub usize);

impl Failures {
    pub(crate) fn report(&mut self, e: khabar_core::Error) {
        eprintln!("khabar: {e}");
        self.0 += 1;
    }
}
