//! Coding throughput on one core: `cargo run --release -p khabar-coder --example bench_code -- FILE.jsonl [ROUNDS]`.
//!
//! Reads JSONL records `{"id", "text", "lang"}` (one sentence or story each; the gold files
//! work), loads the dictionaries (timed), then codes every record ROUNDS times (default 5) on one
//! thread and prints sentences per second. Reading and JSON parsing are outside the timing.

use std::time::Instant;

use khabar_core::Article;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: bench_code FILE.jsonl [ROUNDS] [--sentences]");
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(path).expect("readable file");
    let articles: Vec<Article> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let body = v["text"].as_str().unwrap_or_default().to_string();
            Article {
                doc_id: v["id"].as_str().unwrap_or_default().to_string(),
                lang: v["lang"].as_str().map(str::to_string).or_else(|| khabar_text::detect_language(&body).map(str::to_string)),
                // whole-article records (title, date) run the headline and the document stage too
                title: v["title"].as_str().map(str::to_string),
                published: v["date"].as_str().map(str::to_string),
                paragraphs: vec![body.clone()],
                text: body,
                ..Default::default()
            }
        })
        .collect();
    let sentences: usize = articles.iter().map(|a| khabar_text::split_sentences(&a.text).len()).sum();

    let t = Instant::now();
    for lang in ["ar", "en"] {
        khabar_lexicon::get(lang).expect("lexicon");
    }
    let lexicons = t.elapsed();
    let t = Instant::now();
    khabar_geo::Gazetteer::get();
    let gazetteer = t.elapsed();

    let opts = khabar_coder::Options::default();
    // `--sentences`: the sentence stage alone, to see what the document stage costs
    let sentences_only = args.iter().any(|a| a == "--sentences");
    let mut events = 0usize;
    let t = Instant::now();
    for _ in 0..rounds {
        for a in &articles {
            events += if sentences_only { khabar_coder::code_sentences(a, &opts).events.len() } else { khabar_coder::code_article(a, &opts).events.len() };
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!("records {} sentences {} rounds {rounds} events/round {}", articles.len(), sentences, events / rounds.max(1));
    println!("dictionaries (ar+en) load {:.0} ms; gazetteer load {:.0} ms", lexicons.as_secs_f64() * 1e3, gazetteer.as_secs_f64() * 1e3);
    println!("sentences/s (one core): {:.0}", (sentences * rounds) as f64 / secs);
}
