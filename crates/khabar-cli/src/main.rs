//! `khabar`: news pages in, political events out.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use khabar_coder::Options;
use khabar_extract::input::Limits;
use khabar_output::{EventWriter, Format};

#[derive(Parser)]
#[command(name = "khabar", version, about = "Political event data from raw news pages, in Arabic and English.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract articles (main text and metadata), one JSON object a line.
    Extract {
        /// Files, folders (read recursively) or `-` for stdin: .txt, .html/.htm (also .gz), .jsonl.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// `json` (one article a line) or `aeb` ({page_id: {"articleBody": text}}, for the
        /// article-extraction benchmark scorer).
        #[arg(long, default_value = "json")]
        format: String,
        /// Write here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Largest record read, in MiB (decompressed).
        #[arg(long, default_value_t = 32)]
        max_mib: u64,
    },
    /// Code events, one a line.
    Code {
        /// Files, folders (read recursively) or `-` for stdin: .txt, .html/.htm (also .gz), .jsonl.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// `json`, `gdelt` (61 GDELT 2.0 columns) or `csv`.
        #[arg(long, default_value = "json")]
        format: Format,
        /// Write here instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print, per sentence, the actors found, the patterns matched and why each role went
        /// where it did, instead of the events.
        #[arg(long)]
        explain: bool,
        /// Keep negated events (marked `"negated": true`) instead of dropping them.
        #[arg(long)]
        keep_negated: bool,
        /// Largest record read, in MiB (decompressed).
        #[arg(long, default_value_t = 32)]
        max_mib: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("khabar: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn open_output(path: &Option<PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Runs a command; `Ok(false)` when some input records failed.
fn run(cli: Cli) -> anyhow::Result<bool> {
    let mut failures = 0usize;
    let mut report = |e: khabar_core::Error| {
        eprintln!("khabar: {e}");
        failures += 1;
    };
    match cli.command {
        Command::Extract { paths, format, output, max_mib } => {
            let mut out = open_output(&output)?;
            let limits = Limits { max_record_bytes: max_mib << 20 };
            let mut aeb = serde_json::Map::new();
            let mut io_err: Option<io::Error> = None;
            khabar_extract::read_inputs(&paths, limits, &mut |rec| {
                let article = match rec.and_then(|r| khabar_extract::extract(&r)) {
                    Ok(a) => a,
                    Err(e) => return report(e),
                };
                match format.as_str() {
                    "aeb" => {
                        aeb.insert(article.doc_id.clone(), serde_json::json!({ "articleBody": article.text }));
                    }
                    _ => {
                        let res = serde_json::to_writer(&mut out, &article).map_err(io::Error::from).and_then(|_| out.write_all(b"\n"));
                        if let Err(e) = res {
                            io_err.get_or_insert(e);
                        }
                    }
                }
            });
            if let Some(e) = io_err {
                return Err(e).context("writing articles");
            }
            if format == "aeb" {
                serde_json::to_writer(&mut out, &aeb)?;
                out.write_all(b"\n")?;
            } else if format != "json" {
                anyhow::bail!("unknown format {format:?}: expected json or aeb");
            }
            out.flush()?;
        }
        Command::Code { paths, format, output, explain, keep_negated, max_mib } => {
            let out = open_output(&output)?;
            let limits = Limits { max_record_bytes: max_mib << 20 };
            let opts = Options { keep_negated };
            let mut writer = EventWriter::new(format, out);
            let mut explain_out = if explain { Some(open_output(&None)?) } else { None };
            let mut io_err: Option<io::Error> = None;
            khabar_extract::read_inputs(&paths, limits, &mut |rec| {
                let article = match rec.and_then(|r| khabar_extract::extract(&r)) {
                    Ok(a) => a,
                    Err(e) => return report(e),
                };
                let coded = khabar_coder::code_article(&article, &opts);
                let res = match explain_out.as_mut() {
                    Some(w) => write_explanation(w, &article, &coded),
                    None => writer.write(&article, &coded.events),
                };
                if let Err(e) = res {
                    io_err.get_or_insert(e);
                }
            });
            if let Some(e) = io_err {
                return Err(e).context("writing events");
            }
            if let Some(mut w) = explain_out {
                w.flush()?;
            } else {
                writer.finish()?;
            }
        }
    }
    Ok(failures == 0)
}

fn write_explanation(w: &mut dyn Write, article: &khabar_core::Article, coded: &khabar_coder::Coded) -> io::Result<()> {
    writeln!(w, "== {} ({})", article.doc_id, article.lang.as_deref().unwrap_or("?"))?;
    if let Some(dl) = &article.dateline {
        writeln!(w, "   dateline: place {:?}, date {:?}", dl.place, dl.date)?;
    }
    for t in &coded.traces {
        writeln!(w, "[{}] {}", t.index, t.text)?;
        for (text, code, origins) in &t.actors {
            writeln!(w, "    actor  {text} → {code}  ({})", origins.join(", "))?;
        }
        for n in &t.notes {
            writeln!(w, "    {n}")?;
        }
    }
    Ok(())
}
