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
mod serve_cmd;
mod stats_cmd;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "khabar",
    version,
    about = "Political event data from raw news pages, in Arabic and English.",
    after_help = "Examples:
  khabar code examples/                                # events as JSON lines
  khabar code --format gdelt page.html                 # GDELT 2.0 event rows
  khabar ingest corpus/ && khabar export --format parquet -o events.parquet
  khabar completions bash > /etc/bash_completion.d/khabar
  khabar man > khabar.1

Errors are one line each on stderr; the exit code is 0, 1 if a record failed, 2 if the run did."
)]
struct Cli {
    /// Print nothing on stderr but errors: no progress, no summary.
    #[arg(short, long, global = true)]
    quiet: bool,
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
    /// Serve the store in the browser (map, timeline, filters, evidence) and as a JSON API.
    Serve(serve_cmd::Args),
    /// Report on the compiled-in dictionaries: `--coverage` lists the patterns per CAMEO code.
    Lexicon(lexicon_cmd::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(after_help = "Examples:
  khabar completions bash > ~/.local/share/bash-completion/completions/khabar
  khabar completions zsh > \"${fpath[1]}/_khabar\"
  khabar completions fish > ~/.config/fish/completions/khabar.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or with `--dir` write one page per subcommand there.
    #[command(after_help = "Examples:
  khabar man | man -l -
  khabar man --dir /usr/local/share/man/man1")]
    Man {
        /// Write khabar.1 and khabar-SUBCOMMAND.1 into this folder.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version print as clap prints them; a usage error is one line
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            let text = e.render().to_string();
            let lines: Vec<&str> = text.lines().take_while(|l| !l.trim().is_empty() && !l.starts_with("Usage:")).map(str::trim).collect();
            eprintln!("khabar: {}", lines.join(" ").trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    let quiet = cli.quiet;
    let result = match cli.command {
        Command::Extract(args) => extract_cmd::run(args),
        Command::Code(args) => code_cmd::run(args),
        Command::Eval(args) => eval_cmd::run(args),
        Command::Ingest(args) => ingest_cmd::run(args, quiet),
        Command::Search(args) => search_cmd::run(args),
        Command::Export(args) => export_cmd::run(args),
        Command::Stats(args) => stats_cmd::run(args),
        Command::Serve(args) => serve_cmd::run(args, quiet),
        Command::Lexicon(args) => lexicon_cmd::run(args),
        Command::Completions { shell } => {
            let mut out = io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "khabar", &mut out);
            out.flush().map(|_| true).map_err(anyhow::Error::from)
        }
        Command::Man { dir } => man(dir),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // the reader went away (`khabar code … | head`): not an error of ours
        Err(e) if e.chain().any(|c| c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)) => ExitCode::SUCCESS,
        Err(e) => {
            // one line, whatever the causes say
            let msg = format!("{e:#}").split_whitespace().collect::<Vec<_>>().join(" ");
            eprintln!("khabar: {msg}");
            ExitCode::from(2)
        }
    }
}

/// `khabar man`: the page on stdout, or every page into a folder.
fn man(dir: Option<PathBuf>) -> anyhow::Result<bool> {
    let cmd = Cli::command();
    match dir {
        Some(d) => {
            std::fs::create_dir_all(&d).with_context(|| format!("cannot create {}", d.display()))?;
            clap_mangen::generate_to(cmd, &d).with_context(|| format!("writing man pages into {}", d.display()))?;
        }
        None => {
            let mut out = io::stdout().lock();
            clap_mangen::Man::new(cmd).render(&mut out)?;
            out.flush()?;
        }
    }
    Ok(true)
}

/// A buffered writer to a file, or to stdout when no path is given.
pub(crate) fn open_output(path: &Option<PathBuf>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

thread_local! {
    /// Set while a record is processed: a panic there is reported as that record's failure.
    static IN_RECORD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Panics inside a record's processing ([`in_record`]) are reported as the record's failure
/// (one line, by name) instead of a backtrace; any other panic keeps the default report.
pub(crate) fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_RECORD.with(|f| f.get()) {
            default(info);
        }
    }));
}

/// Runs one record's work; a panic in it comes back as its message (at most 160 characters),
/// for the caller to report as that record's failure: one bad record never stops the run.
pub(crate) fn in_record<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    IN_RECORD.with(|f| f.set(true));
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
    IN_RECORD.with(|f| f.set(false));
    res.map_err(|panic| {
        let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_else(|| "unknown panic".into());
        what.chars().take(160).collect()
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

#[cfg(test)]
mod record_panic_tests {
    #[test]
    fn a_panic_in_one_record_comes_back_as_its_message() {
        super::install_panic_hook();
        assert_eq!(super::in_record(|| 7), Ok(7));
        let long = "x".repeat(500);
        let got = super::in_record(|| -> u8 { panic!("{long}") });
        assert_eq!(got, Err("x".repeat(160)));
        // the run goes on: the next record is processed normally
        assert_eq!(super::in_record(|| "next"), Ok("next"));
    }
}
