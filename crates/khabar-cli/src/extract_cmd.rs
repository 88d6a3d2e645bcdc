//! `khabar extract`: articles as JSON lines, or the article-extraction benchmark's format.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use khabar_extract::input::Limits;

use crate::{open_output, Failures};

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar extract page.html                             # one article a line
  khabar extract --format aeb pages/ -o pred.json      # for the article-extraction benchmark")]
pub(crate) struct Args {
    /// Files, folders (read recursively) or `-` for stdin: .txt, .html/.htm (also .gz), .jsonl.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// `json` (one article a line) or `aeb` ({page_id: {"articleBody": text}}, for the
    /// article-extraction benchmark scorer).
    #[arg(long, default_value = "json", value_parser = ["json", "aeb"])]
    format: String,
    /// Write here instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Largest record read, in MiB (decompressed).
    #[arg(long, default_value_t = 32)]
    max_mib: u64,
}

pub(crate) fn run(args: Args) -> anyhow::Result<bool> {
    let mut out = open_output(&args.output)?;
    let limits = Limits { max_record_bytes: args.max_mib << 20 };
    let mut failures = Failures::default();
    let mut aeb = serde_json::Map::new();
    let mut io_err: Option<io::Error> = None;
    crate::install_panic_hook();
    khabar_extract::read_inputs(&args.paths, limits, &mut |rec| {
        let article = match rec.and_then(|r| extract_guarded(&r)) {
            Ok(a) => a,
            Err(e) => return failures.report(e),
        };
        if args.format == "aeb" {
            aeb.insert(article.doc_id.clone(), serde_json::json!({ "articleBody": article.text }));
            return;
        }
        let res = serde_json::to_writer(&mut out, &article).map_err(io::Error::from).and_then(|_| out.write_all(b"\n"));
        if let Err(e) = res {
            io_err.get_or_insert(e);
        }
    });
    if let Some(e) = io_err {
        return Err(e).context("writing articles");
    }
    if args.format == "aeb" {
        serde_json::to_writer(&mut out, &aeb)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(failures.0 == 0)
}

/// [`khabar_extract::extract`], with a panic in it turned into the record's failure (named, as
/// `ingest` reports it): one bad page never stops `extract` or `code`.
pub(crate) fn extract_guarded(rec: &khabar_extract::Record) -> khabar_core::Result<khabar_core::Article> {
    crate::in_record(|| khabar_extract::extract(rec))
        .unwrap_or_else(|what| Err(khabar_core::Error::bad_input(&rec.name, format!("internal error (please report): {what}"))))
}
