//! `khabar ingest`: read a corpus, extract and code every article on all cores, and write it
//! to the store in batches, one transaction each.
//!
//! The pipeline has three stages joined by bounded channels, so memory stays bounded whatever
//! the corpus size: a reader thread cuts records into batches; a processing thread runs each
//! batch through extraction, coding and [`khabar_store::prepare`] on rayon's pool (the order
//! of a batch is kept, so reruns see the same order); the calling thread writes batches, in
//! order, and shows progress.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use crossbeam_channel::bounded;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use khabar_coder::Options;
use khabar_core::Article;
use khabar_extract::input::{input_bytes, read_inputs_with, FieldMap, Limits, ReadOptions};
use khabar_extract::Record;
use khabar_store::{BatchReport, Item, Store};
use rayon::prelude::*;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar ingest corpus/ --db corpus.db
  khabar ingest saudinewsnet.zip --map text=content,date=date_extracted,site=source
  khabar ingest --quiet feeds/*.jsonl.gz               # no progress, no summary")]
pub(crate) struct Args {
    /// Files or folders (read recursively): .txt, .html/.htm (also .gz), .jsonl (also .gz),
    /// .json arrays, .warc/.warc.gz, and .zip archives of any of these.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The store to write (created if missing).
    #[arg(long, default_value = "khabar.db")]
    db: PathBuf,
    /// Field names of JSON records, as khabar=corpus pairs:
    /// e.g. `text=content,date=date_extracted,url=url,title=title,site=source`.
    #[arg(long)]
    map: Option<String>,
    /// Records per batch (one transaction each).
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Largest record read, in MiB (decompressed).
    #[arg(long, default_value_t = 32)]
    max_mib: u64,
    /// Keep negated events (marked `"negated": true`) instead of dropping them.
    #[arg(long)]
    keep_negated: bool,
}

/// What the processing stage sends to the writer.
struct Batch {
    items: Vec<Item>,
    /// Error messages of the failed records, printed by the writer.
    errors: Vec<String>,
}

pub(crate) fn run(args: Args, quiet: bool) -> anyhow::Result<bool> {
    let start = Instant::now();
    crate::install_panic_hook();
    let fields = match &args.map {
        Some(spec) => FieldMap::parse(spec).map_err(|e| anyhow::anyhow!("--map: {e}"))?,
        None => FieldMap::default(),
    };
    let mut store = Store::open(&args.db)?;
    let lookup = Store::open_read(&args.db)?;
    let progress = Arc::new(AtomicU64::new(0));
    let read_opts = ReadOptions {
        limits: Limits { max_record_bytes: args.max_mib << 20 },
        fields,
        progress: Some(progress.clone()),
    };
    let total_bytes = input_bytes(&args.paths);
    let batch_size = args.batch.max(1);
    let opts = Options { keep_negated: args.keep_negated, ..Options::default() };

    let (rec_tx, rec_rx) = bounded::<Vec<khabar_core::Result<Record>>>(2);
    let (out_tx, out_rx) = bounded::<Batch>(2);
    let paths = args.paths.clone();
    let reader = std::thread::spawn(move || {
        let mut chunk = Vec::with_capacity(batch_size);
        let mut open = true;
        read_inputs_with(&paths, &read_opts, &mut |r| {
            if !open {
                return;
            }
            chunk.push(r);
            if chunk.len() >= batch_size {
                open = rec_tx.send(std::mem::replace(&mut chunk, Vec::with_capacity(batch_size))).is_ok();
            }
        });
        if open && !chunk.is_empty() {
            let _ = rec_tx.send(chunk);
        }
    });
    let processor = std::thread::spawn(move || -> anyhow::Result<()> {
        for chunk in rec_rx {
            // records whose URL is stored already are skipped before the costly stages
            let known: Vec<bool> = chunk
                .iter()
                .map(|r| match r {
                    Ok(rec) => rec.url.as_deref().map(|u| lookup.has_url(u)).transpose().map(|k| k.unwrap_or(false)),
                    Err(_) => Ok(false),
                })
                .collect::<Result<_, _>>()?;
            let results: Vec<(Item, Option<String>)> = chunk
                .into_par_iter()
                .zip(known)
                .map(|(rec, known)| if known { (Item::Known, None) } else { process(rec, &opts) })
                .collect();
            let mut batch = Batch { items: Vec::with_capacity(results.len()), errors: Vec::new() };
            for (item, err) in results {
                batch.items.push(item);
                batch.errors.extend(err);
            }
            if out_tx.send(batch).is_err() {
                break;
            }
        }
        Ok(())
    });

    let mut display = Display::new(total_bytes, quiet);
    let mut total = BatchReport::default();
    let mut write_err = None;
    let mut writing = Duration::ZERO;
    for batch in out_rx.iter() {
        for e in &batch.errors {
            display.println(&format!("khabar: {e}"));
        }
        let t = Instant::now();
        let res = store.write_batch(batch.items);
        writing += t.elapsed();
        match res {
            Ok(r) => total += r,
            Err(e) => {
                write_err = Some(e);
                break;
            }
        }
        display.update(progress.load(Ordering::Relaxed), &total, start.elapsed());
    }
    drop(out_rx);
    display.finish();
    if let Some(e) = write_err {
        return Err(e).with_context(|| format!("writing to the store {}", args.db.display()));
    }
    processor.join().map_err(|_| anyhow::anyhow!("the processing thread panicked"))??;
    reader.join().map_err(|_| anyhow::anyhow!("the reading thread panicked"))?;
    let secs = start.elapsed().as_secs_f64();
    let seen = total.articles + total.duplicates + total.copies;
    if quiet {
        return Ok(total.failures == 0);
    }
    eprintln!(
        "khabar ingest: {} new articles ({} already stored, {} copies, {} joined a story), {} new events ({} mentions), {} failures in {:.1} s ({:.0} records/s; {:.1} s of it writing) into {}",
        total.articles,
        total.duplicates,
        total.copies,
        total.joined_stories,
        total.events,
        total.mentions,
        total.failures,
        secs,
        (seen + total.failures) as f64 / secs.max(1e-9),
        writing.as_secs_f64(),
        args.db.display()
    );
    Ok(total.failures == 0)
}

/// [`process_record`], with a panic in any stage turned into the record's failure: one bad
/// record never stops the run.
fn process(rec: khabar_core::Result<Record>, opts: &Options) -> (Item, Option<String>) {
    let name = match &rec {
        Ok(r) => r.name.clone(),
        Err(_) => String::new(),
    };
    crate::in_record(|| process_record(rec, opts)).unwrap_or_else(|what| {
        let reason = format!("internal error (please report): {what}");
        let msg = format!("{name}: {reason}");
        (Item::Failure { record: name, reason }, Some(msg))
    })
}

/// Extract, code and prepare one record; a failure becomes an [`Item::Failure`] and a message.
fn process_record(rec: khabar_core::Result<Record>, opts: &Options) -> (Item, Option<String>) {
    let failure = |e: khabar_core::Error| {
        let (record, reason) = match &e {
            khabar_core::Error::Io { record, source } => (record.clone(), source.to_string()),
            khabar_core::Error::BadInput { record, reason } => (record.clone(), reason.clone()),
            other => (String::new(), other.to_string()),
        };
        let msg = e.to_string();
        (Item::Failure { record, reason }, Some(msg))
    };
    let rec = match rec {
        Ok(r) => r,
        Err(e) => return failure(e),
    };
    let mut article = match khabar_extract::extract(&rec) {
        Ok(a) => a,
        Err(e) => return failure(e),
    };
    fill_from_record(&mut article, &rec);
    let coded = khabar_coder::code_article(&article, opts);
    (Item::Article(Box::new(khabar_store::prepare(&rec.name, article, coded.events))), None)
}

/// Metadata the record states outright wins over what extraction guessed.
fn fill_from_record(article: &mut Article, rec: &Record) {
    if rec.title.is_some() {
        article.title = rec.title.clone();
    }
    if rec.site.is_some() {
        article.site = rec.site.clone();
    }
    if article.author.is_none() {
        article.author = rec.author.clone();
    }
}

/// Progress: a bar with rate and ETA, on a terminal only (a log file gets the summary).
struct Display {
    bar: Option<ProgressBar>,
    total_bytes: u64,
}

impl Display {
    fn new(total_bytes: u64, quiet: bool) -> Display {
        let tty = std::io::stderr().is_terminal();
        let bar = (!quiet && tty).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {msg} ETA {eta}")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            bar
        });
        Display { bar, total_bytes }
    }

    fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    fn update(&mut self, bytes: u64, t: &BatchReport, elapsed: Duration) {
        let records = t.articles + t.duplicates + t.copies + t.failures;
        let rate = records as f64 / elapsed.as_secs_f64().max(1e-9);
        let msg = format!("{} articles, {} events, {} failed, {rate:.0} rec/s", t.articles, t.events, t.failures);
        if let Some(b) = &self.bar {
            b.set_position(bytes.min(self.total_bytes));
            b.set_message(msg);
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
