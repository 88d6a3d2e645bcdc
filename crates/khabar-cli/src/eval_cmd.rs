//! `khabar eval`: code a gold file (or read predictions) and print P/R/F1.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use anyhow::Context;
use khabar_coder::Options;
use khabar_eval::{pred_from_json, score, Pred};
use khabar_extract::input::Limits;

use crate::Failures;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar eval --gold ../shared/data/gold/plover-en/dev.jsonl
  khabar eval --gold gold.jsonl --pred out.jsonl --json")]
pub(crate) struct Args {
    /// Gold JSONL: records {id, text, lang, events | detect}, as in the project's gold sets.
    #[arg(long)]
    gold: PathBuf,
    /// Score these predictions (khabar code output) instead of coding the gold text.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Print the report as one JSON object.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: Args) -> anyhow::Result<bool> {
    let gold_text = std::fs::read_to_string(&args.gold).with_context(|| format!("cannot read {}", args.gold.display()))?;
    let gold: Vec<serde_json::Value> = gold_text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("{}:{}: not JSON", args.gold.display(), i + 1)))
        .collect::<Result<_, _>>()?;
    let mut preds: HashMap<String, Vec<Pred>> = HashMap::new();
    let mut failures = Failures::default();
    match &args.pred {
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
            for line in BufReader::new(f).lines() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let v: serde_json::Value = serde_json::from_str(&line)?;
                let id = v.get("doc_id").or_else(|| v.get("id")).map(|x| x.as_str().map(str::to_string).unwrap_or_else(|| x.to_string())).unwrap_or_default();
                preds.entry(id).or_default().push(pred_from_json(&v));
            }
        }
        None => {
            // a gold record is one sentence: there is no article to tell who did an act the
            // sentence leaves without a source or target, and the sentence sets score detection without them
            let opts = Options { keep_incomplete: true, ..Options::default() };
            khabar_extract::read_inputs(std::slice::from_ref(&args.gold), Limits::default(), &mut |rec| {
                let article = match rec.and_then(|r| khabar_extract::extract(&r)) {
                    Ok(a) => a,
                    Err(e) => return failures.report(e),
                };
                let coded = khabar_coder::code_article(&article, &opts);
                let entry = preds.entry(article.doc_id.clone()).or_default();
                for e in coded.events {
                    let v = serde_json::to_value(&e).expect("events serialise");
                    entry.push(pred_from_json(&v));
                }
            });
        }
    }
    let report = score(&gold, &preds);
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
    } else {
        for (k, v) in &report.levels {
            writeln!(out, "{k}: P {} R {} F1 {} (tp {} fp {} fn {})", v.p, v.r, v.f1, v.tp, v.fp, v.fn_)?;
        }
        for (k, d) in &report.detect {
            writeln!(
                out,
                "detect:{k}: P {} R {} F1 {} (tp {} fp {} fn {} tn {}; false positives on \"difficult no\": {})",
                d.score.p, d.score.r, d.score.f1, d.score.tp, d.score.fp, d.score.fn_, d.tn, d.fp_on_difficult_no
            )?;
        }
        for (k, v) in &report.spans {
            writeln!(out, "spans {k}: {v}")?;
        }
        writeln!(out, "{}", report.summary())?;
    }
    Ok(failures.0 == 0)
}
