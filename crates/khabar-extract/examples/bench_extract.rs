//! Extraction speed over a folder of pages, on one core.
//!
//! ```text
//! cargo run --release -p khabar-extract --example bench_extract -- DIR [--rounds N] [--parse-only]
//! cargo run --release -p khabar-extract --example bench_extract -- --dump FILE
//! cargo run --release -p khabar-extract --example bench_extract -- --aeb DIR > pred.json
//! cargo run --release -p khabar-extract --example bench_extract -- --jsonl DIR > articles.jsonl
//! ```
//!
//! Reads every record under DIR (`.html`, `.html.gz`, …) into memory first, then times
//! `khabar_extract::extract` (charset decoding, parsing, main content, metadata, dateline,
//! language) over all of them, `--rounds` times (default 5), on the calling thread only. Prints
//! pages/s, MB/s of decompressed HTML and the process's peak resident memory. `--parse-only`
//! times decoding and parsing alone, `--meta-only` decoding, parsing and metadata. `--dump FILE` prints one page's article as JSON; `--aeb DIR` writes what
//! `khabar extract --format aeb DIR` writes, `--jsonl DIR` what `khabar extract DIR` writes.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--aeb") {
        // the same output as `khabar extract --format aeb DIR`, for scoring without the CLI
        let mut out = serde_json::Map::new();
        let paths: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
        khabar_extract::read_inputs(&paths, Default::default(), &mut |r| match r.and_then(|r| khabar_extract::extract(&r)) {
            Ok(a) => {
                out.insert(a.doc_id.clone(), serde_json::json!({ "articleBody": a.text }));
            }
            Err(e) => eprintln!("{e}"),
        });
        println!("{}", serde_json::Value::Object(out));
        return;
    }
    if args.first().map(String::as_str) == Some("--jsonl") {
        // one article a line, as `khabar extract DIR` writes them
        let paths: Vec<PathBuf> = args[1..].iter().map(PathBuf::from).collect();
        khabar_extract::read_inputs(&paths, Default::default(), &mut |r| match r.and_then(|r| khabar_extract::extract(&r)) {
            Ok(a) => println!("{}", serde_json::to_string(&a).unwrap_or_default()),
            Err(e) => eprintln!("{e}"),
        });
        return;
    }
    if args.first().map(String::as_str) == Some("--dump") {
        let path = PathBuf::from(args.get(1).expect("--dump FILE"));
        khabar_extract::read_inputs(&[path], Default::default(), &mut |r| match r.and_then(|r| khabar_extract::extract(&r)) {
            Ok(a) => println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default()),
            Err(e) => eprintln!("{e}"),
        });
        return;
    }
    let mut dir = None;
    let mut rounds = 5usize;
    let mut parse_only = false;
    let mut meta_only = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rounds" => rounds = it.next().and_then(|n| n.parse().ok()).unwrap_or(5),
            "--parse-only" => parse_only = true,
            "--meta-only" => meta_only = true,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: bench_extract DIR [--rounds N] [--parse-only] | --dump FILE");
        std::process::exit(2);
    };
    let mut records = Vec::new();
    khabar_extract::read_inputs(&[dir], Default::default(), &mut |r| match r {
        Ok(r) => records.push(r),
        Err(e) => eprintln!("{e}"),
    });
    let bytes: usize = records
        .iter()
        .map(|r| match &r.payload {
            khabar_extract::Payload::Html(b) | khabar_extract::Payload::Bytes(b) => b.len(),
            khabar_extract::Payload::Text(t) => t.len(),
        })
        .sum();
    let mut chars = 0usize;
    let mut failed = 0usize;
    let start = Instant::now();
    for _ in 0..rounds {
        for r in &records {
            if parse_only || meta_only {
                if let khabar_extract::Payload::Html(b) | khabar_extract::Payload::Bytes(b) = &r.payload {
                    if let Ok(text) = khabar_extract::decode::decode_html(b, &r.name) {
                        let dom = khabar_extract::dom::parse(&text);
                        chars += dom.nodes.len();
                        if meta_only {
                            chars += khabar_extract::html::metadata(&dom).title.map_or(0, |t| t.len());
                        }
                    }
                }
                continue;
            }
            match khabar_extract::extract(r) {
                Ok(a) => chars += a.text.len(),
                Err(_) => failed += 1,
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pages = (records.len() * rounds) as f64;
    println!(
        "{} pages x {rounds} rounds{}: {:.0} pages/s, {:.1} MB/s, {:.2} ms/page, {} failed, peak RSS {} MiB (checksum {chars})",
        records.len(),
        if parse_only { " (decode + parse only)" } else if meta_only { " (decode + parse + metadata)" } else { "" },
        pages / secs,
        (bytes * rounds) as f64 / secs / 1e6,
        secs * 1e3 / pages,
        failed / rounds.max(1),
        peak_rss_kib().map(|k| (k / 1024).to_string()).unwrap_or_else(|| "?".into()),
    );
}

/// Peak resident set size of this process (Linux `VmHWM`), in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
