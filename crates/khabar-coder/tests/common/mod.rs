//! What the golden test files share: a one-paragraph article and the (code, source, target) of
//! every event the sentence stage gives it.

use khabar_coder::{code_sentences, Options};
use khabar_core::Article;

/// An article of one paragraph, `text`, in `lang`, published on `published`.
pub fn article(lang: &str, published: &str, text: &str) -> Article {
    Article {
        doc_id: "t".into(),
        lang: Some(lang.into()),
        published: Some(published.into()),
        paragraphs: vec![text.to_string()],
        text: text.to_string(),
        ..Default::default()
    }
}

/// (cameo, source code, target code) of every event the sentences give, "" for a missing actor.
pub fn triples(article: &Article) -> Vec<(String, String, String)> {
    code_sentences(article, &Options::default())
        .events
        .into_iter()
        .map(|e| (e.cameo, e.source.map(|a| a.code).unwrap_or_default(), e.target.map(|a| a.code).unwrap_or_default()))
        .collect()
}
