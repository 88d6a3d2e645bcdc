//! Writes `tests/fixtures/store.jsonl` (articles with their coded events) into a store, through
//! `khabar_store` as `khabar ingest` does. Shared by the API tests and the `fixture_store` example
//! that the browser tests run.

use std::path::Path;

use khabar_core::{Actor, Article, Event, Location, Modality};
use serde_json::Value;

/// The fixture shipped with the tests.
pub fn fixture_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store.jsonl")
}

fn text(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_string)
}

fn actor(v: Option<&Value>) -> Option<Actor> {
    let v = v?;
    let code = text(v, "code")?;
    let country = text(v, "country");
    let roles = code.strip_prefix(country.as_deref().unwrap_or("")).unwrap_or(&code);
    let roles = roles.as_bytes().chunks(3).map(|c| String::from_utf8_lossy(c).into_owned()).filter(|r| !r.is_empty()).collect();
    Some(Actor { text: text(v, "text").unwrap_or_default(), name: text(v, "name").unwrap_or_default(), code, country, roles })
}

/// Writes every fixture article into a new store at `db`, one batch.
pub fn build_store(fixture: &Path, db: &Path) -> Result<khabar_store::BatchReport, Box<dyn std::error::Error>> {
    let mut items = Vec::new();
    for (n, line) in std::fs::read_to_string(fixture)?.lines().enumerate() {
        let rec: Value = serde_json::from_str(line)?;
        let a = &rec["article"];
        let body = text(a, "text").ok_or("article without text")?;
        let article = Article {
            doc_id: text(a, "doc_id").ok_or("article without doc_id")?,
            url: text(a, "url"),
            title: text(a, "title"),
            published: text(a, "published"),
            site: text(a, "site"),
            lang: text(a, "lang"),
            paragraphs: vec![body.clone()],
            text: body.clone(),
            ..Article::default()
        };
        let sentences: Vec<String> = khabar_text::split_sentences(&body).into_iter().map(|r| body[r].to_string()).collect();
        let mut events = Vec::new();
        for e in rec["events"].as_array().into_iter().flatten() {
            let cameo = text(e, "cameo").ok_or("event without cameo")?;
            let code = khabar_core::cameo::lookup(&cameo).ok_or_else(|| format!("unknown CAMEO code {cameo}"))?;
            let sentence = e["sentence"].as_u64().ok_or("event without sentence")? as usize;
            let evidence = sentences.get(sentence).ok_or_else(|| format!("{}: no sentence {sentence}", article.doc_id))?;
            let mut ev = Event::of_code(&article.doc_id, sentence, evidence, article.lang.as_deref().unwrap_or("en"), code, text(e, "rule").unwrap_or_default());
            ev.source = actor(e.get("source"));
            ev.target = actor(e.get("target"));
            ev.date = text(e, "date");
            ev.date_basis = Some("sentence".into());
            ev.location = e.get("place").map(|p| Location {
                name: text(p, "name").unwrap_or_default(),
                country: text(p, "country"),
                lat: p["lat"].as_f64(),
                lon: p["lon"].as_f64(),
                basis: "sentence".into(),
                ..Location::default()
            });
            ev.confidence = e["confidence"].as_f64().unwrap_or(0.5) as f32;
            ev.explanation = text(e, "explanation").unwrap_or_default();
            ev.modality = match text(e, "modality").as_deref() {
                Some("intended") => Modality::Intended,
                Some("reported") => Modality::Reported,
                _ => Modality::Asserted,
            };
            ev.root_event = sentence == 0;
            events.push(ev);
        }
        items.push(khabar_store::Item::Article(Box::new(khabar_store::prepare(&format!("store.jsonl[{n}]"), article, events))));
    }
    let mut store = khabar_store::Store::open(db)?;
    Ok(store.write_batch(items)?)
}
