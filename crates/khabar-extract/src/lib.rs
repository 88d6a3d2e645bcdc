//! Bytes to [`Article`]s.
//!
//! * [`input`]: finds the records in files, folders, `.gz` files, JSONL and stdin, with size caps,
//!   and names each one so an error message can point at it.
//! * [`decode`]: bytes to text — BOM, declared charset, detection, binary junk refused.
//! * [`dom`]: a fast, forgiving HTML parser into an arena tree.
//! * [`content`]: which blocks of a parsed page are the article (readability-style scoring).
//! * [`html`]: main content and metadata from HTML.
//! * [`scraped`]: main content and metadata from scraped text dumps (navigation, share and
//!   pagination lines removed; title, agency, time and page n of m kept as metadata).
//! * [`dateline`]: "دمشق 8 يوليو 2020 (شينخوا)", "DAMASCUS, July 8 (Xinhua) --" and friends.
#![deny(missing_docs)]

pub mod content;
pub mod dateline;
pub mod decode;
pub mod dom;
pub mod html;
pub mod input;
pub mod scraped;

pub use input::{read_inputs, Payload, Record};
use khabar_core::{Article, Result};

/// Turns one record into an article: decodes it, extracts main content and metadata, and fills
/// what the record itself says (id, URL, date, language) where the page did not.
pub fn extract(record: &Record) -> Result<Article> {
    let mut article = match &record.payload {
        Payload::Text(text) => scraped::extract_text(text),
        Payload::Html(bytes) => {
            let text = decode::decode_html(bytes, &record.name)?;
            html::extract_html(&text)
        }
        Payload::Bytes(bytes) => {
            let text = decode::decode_text(bytes, &record.name)?;
            if decode::looks_like_html(&text) {
                html::extract_html(&text)
            } else {
                scraped::extract_text(&text)
            }
        }
    };
    article.doc_id = record.id.clone();
    if record.url.is_some() {
        article.url = record.url.clone();
    }
    if article.published.is_none() {
        article.published = record.date.clone();
    }
    if let Some(lang) = &record.lang {
        article.lang = Some(lang.clone());
    }
    if article.lang.is_none() {
        article.lang = khabar_text::detect_language(&article.text).map(str::to_string);
    }
    if article.text.trim().is_empty() {
        return Err(khabar_core::Error::bad_input(&record.name, "no article text found"));
    }
    Ok(article)
}
