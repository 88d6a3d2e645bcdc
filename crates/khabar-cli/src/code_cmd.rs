//! `khabar code`: events as JSON lines, GDELT event or mention rows, PLOVER JSON or CSV;
//! `--explain` for the reasons.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use khabar_coder::Options;
use khabar_extract::input::Limits;
use khabar_output::{EventWriter, Format};

use crate::{open_output, Failures};

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar code examples/                                # JSON lines, one event a line
  khabar code --format gdelt page.html > events.tsv    # the 61 GDELT 2.0 event columns
  khabar code --format gdelt-mentions page.html        # the GDELT 2.0 mentions table
  khabar code --format plover stories.jsonl            # PLOVER, as POLECAT writes it
  khabar code --format csv -o events.csv corpus/       # a flat table with a header
  khabar code --format parquet -o events.parquet crawl.warc.gz  # typed columns (--features parquet)
  cat page.txt | khabar code --explain -               # why each event was coded")]
pub(crate) struct Args {
    /// Files, folders (read recursively) or `-` for stdin: .txt, .html/.htm (also .gz), .jsonl.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// `json`, `gdelt` (the 61 GDELT 2.0 event columns), `gdelt-mentions` (the GDELT 2.0
    /// mentions table), `plover` (POLECAT-shaped JSON lines), `csv` or `parquet` (the columns
    /// of `khabar export --format parquet` with content ids, as the Python package and the
    /// Spark job write them; with the `parquet` feature; needs `-o`).
    #[arg(long, default_value = "json", value_parser = parse_format)]
    format: CodeFormat,
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
    /// Drop events whose sentence does not name who acted, before the document stage.
    #[arg(long)]
    require_source: bool,
    /// Keep events whose source or target the article does not tell (held back by default).
    #[arg(long)]
    keep_incomplete: bool,
    /// Write every event, also those the default output holds back (background, negated,
    /// unattributed, untargeted), each marked with `held_back`.
    #[arg(long)]
    all: bool,
    /// Largest record read, in MiB (decompressed).
    #[arg(long, default_value_t = 32)]
    max_mib: u64,
}

/// A text format of [`EventWriter`], or Parquet.
#[derive(Clone, Copy)]
pub(crate) enum CodeFormat {
    Text(Format),
    Parquet,
}

fn parse_format(s: &str) -> Result<CodeFormat, String> {
    if s == "parquet" {
        return Ok(CodeFormat::Parquet);
    }
    s.parse::<Format>().map(CodeFormat::Text).map_err(|e| e.replace("csv", "csv or parquet").replace("plover or", "plover,"))
}

/// Where the events go.
enum Sink {
    Text(EventWriter<Box<dyn Write>>),
    Parquet(crate::export_cmd::parquet_out::Coded),
}

impl Sink {
    fn write(&mut self, article: &khabar_core::Article, events: &[khabar_core::Event]) -> io::Result<()> {
        match self {
            Sink::Text(w) => w.write(article, events),
            Sink::Parquet(w) => w.write(article, events).map_err(io::Error::other),
        }
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Text(w) => w.finish().map(|_| ()).map_err(Into::into),
            Sink::Parquet(w) => w.finish(),
        }
    }
}

pub(crate) fn run(args: Args) -> anyhow::Result<bool> {
    let mut writer = match args.format {
        CodeFormat::Text(f) => Sink::Text(EventWriter::new(f, open_output(&args.output)?)),
        CodeFormat::Parquet => {
            let path = args.output.as_ref().context("--format parquet needs -o FILE")?;
            Sink::Parquet(crate::export_cmd::parquet_out::Coded::create(path)?)
        }
    };
    let limits = Limits { max_record_bytes: args.max_mib << 20 };
    // (--explain lists every event, with why any is held back)
    let opts = Options { keep_negated: args.keep_negated, require_source: args.require_source, keep_incomplete: args.keep_incomplete, all: args.all || args.explain };
    let mut failures = Failures::default();
    crate::install_panic_hook();
    let mut explain_out = if args.explain { Some(open_output(&None)?) } else { None };
    let mut io_err: Option<io::Error> = None;
    khabar_extract::read_inputs(&args.paths, limits, &mut |rec| {
        let article = match rec.and_then(|r| crate::extract_cmd::extract_guarded(&r)) {
            Ok(a) => a,
            Err(e) => return failures.report(e),
        };
        // a panic while coding one record is that record's failure: the run goes on
        let coded = match crate::in_record(|| khabar_coder::code_article(&article, &opts)) {
            Ok(c) => c,
            Err(what) => {
                eprintln!("khabar: {}: internal error while coding (please report): {what}", article.doc_id);
                failures.0 += 1;
                return;
            }
        };
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
    match explain_out {
        Some(mut w) => w.flush()?,
        None => {
            writer.finish()?;
        }
    }
    Ok(failures.0 == 0)
}

fn write_explanation(w: &mut dyn Write, article: &khabar_core::Article, coded: &khabar_coder::Coded) -> io::Result<()> {
    writeln!(w, "== {} ({})", article.doc_id, article.lang.as_deref().unwrap_or("?"))?;
    if let Some(dl) = &article.dateline {
        writeln!(w, "   dateline: place {:?}, date {:?}", dl.place, dl.date)?;
    }
    let headline = coded.headline.iter().map(|t| ("headline".to_string(), t));
    for (label, t) in headline.chain(coded.traces.iter().map(|t| (t.index.to_string(), t))) {
        writeln!(w, "[{label}] {}", t.text)?;
        for (text, code, origins) in &t.actors {
            writeln!(w, "    actor  {text} → {code}  ({})", origins.join(", "))?;
        }
        for n in &t.notes {
            writeln!(w, "    {n}")?;
        }
    }
    writeln!(w, "[article]")?;
    for n in &coded.document {
        writeln!(w, "    {n}")?;
    }
    for e in &coded.events {
        let held = e.held_back.as_deref().map(|h| format!("  held back: {h}")).unwrap_or_default();
        let root = if e.root_event { "  root" } else { "" };
        let actor = |a: &Option<khabar_core::Actor>| a.as_ref().map_or("-".to_string(), |a| a.code.clone());
        writeln!(w, "    event {} {} → {} ({} mentions){root}{held}", e.cameo, actor(&e.source), actor(&e.target), e.mentions.len())?;
    }
    Ok(())
}
