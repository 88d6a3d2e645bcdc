//! Bytes to [`Article`]s.
//!
//! * [`input`]: finds the records in files, folders, `.gz` files, JSONL and stdin, with size caps,
//!   and names each one so an error message can point at it.
//! * [`decode`]: bytes to text — BOM, declared charset, detection, binary junk refused.
//! * [`dom`]: a fast, forgiving HTML parser into an arena tree.
//! * [`content`]: which blocks of a parsed page are the article (readability-style scoring).
//! * [`html`]: main content and metadata from HTML.
//! * [`meta`]: title, publication date, author, site, URL and language from every place a page
//!   puts them; [`dates`]: dates as pages write them, in several languages.
//! * [`scraped`]: main content and metadata from scraped text dumps (navigation, share and
//!   pagination lines removed; title, agency, time and page n of m kept as metadata).
//! * [`dateline`]: "دمشق 8 يوليو 2020 (شينخوا)", "DAMASCUS, July 8 (Xinhua) --" and friends.
#![deny(missing_docs)]

pub mod content;
pub mod dateline;
pub mod dates;
pub mod decode;
pub mod dom;
pub mod html;
pub mod input;
pub mod meta;
pub mod scraped;

pub use input::{read_inputs, Payload, Record};
use khabar_core::{Article, Result};

/// FNV-1a: class strings are short, and SipHash cost more than the lookups saved.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h = (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map builder with [`Fnv`] hashing, for maps keyed by class strings.
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// A list file of `[section]` headers and one entry a line ("#" comments, blank lines
/// skipped): the entries of each section, in file order. The extractor's rules are such files
/// under `lexicons/extract/`.
pub(crate) fn list_sections(text: &str) -> std::collections::HashMap<String, Vec<String>> {
    let mut sections: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_string();
            continue;
        }
        sections.entry(current.clone()).or_default().push(line.to_string());
    }
    sections
}

/// Text records scraped from web pages often keep the page's character references (`&quot;`,
/// `&#8217;`): decoded here so that they never reach sentences and evidence. Text with no `&`
/// is returned as it is.
fn text_entities_decoded(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    dom::decode_entities(text, &mut out);
    std::borrow::Cow::Owned(out)
}

/// Turns one record into an article: decodes it, extracts main content and metadata, and fills
/// what the record itself says (id, URL, date, language) where the page did not.
pub fn extract(record: &Record) -> Result<Article> {
    use decode::without_invisible_controls as visible;
    let mut article = match &record.payload {
        Payload::Text(text) => scraped::extract_text(&visible(&text_entities_decoded(text))),
        Payload::Html(bytes) => {
            let text = decode::decode_html(bytes, &record.name)?;
            // after entity decoding too: `&#x202E;` is the same character
            let mut a = html::extract_html(&visible(&text));
            a.text = visible(&a.text).into_owned();
            a.paragraphs = a.paragraphs.iter().map(|p| visible(p).into_owned()).collect();
            a
        }
        Payload::Bytes(bytes) => {
            let text = decode::decode_text(bytes, &record.name)?;
            let text = visible(&text);
            if decode::looks_like_html(&text) {
                html::extract_html(&text)
            } else {
                scraped::extract_text(&visible(&text_entities_decoded(&text)))
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
    // a record's own title and author (JSONL fields) are the corpus's metadata: they win over
    // what the text seemed to say (a scrape's first short line is often navigation, "Next
    // Previous"); the outlet fills what the page did not say
    if let Some(title) = record.title.as_deref().map(|t| text_entities_decoded(t).trim().to_string()).filter(|t| !t.is_empty()) {
        article.title = Some(title);
    }
    if article.site.is_none() {
        article.site = record.site.clone();
    }
    if let Some(author) = record.author.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        article.author = Some(author.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text_record(text: &str, title: Option<&str>) -> Record {
        Record {
            id: "r1".into(),
            name: "r1".into(),
            payload: Payload::Text(text.into()),
            url: None,
            date: None,
            lang: Some("en".into()),
            title: title.map(str::to_string),
            site: None,
            author: None,
        }
    }

    #[test]
    fn character_references_in_text_records_are_decoded() {
        let a = extract(&text_record("The minister said &quot;no&quot; to the plan &amp; left.\n", Some("A &quot;no&quot;"))).unwrap();
        assert!(a.text.contains("said \"no\" to the plan & left"), "{}", a.text);
        assert_eq!(a.title.as_deref(), Some("A \"no\""));
    }

    #[test]
    fn bidi_and_zero_width_controls_do_not_hide_words() {
        let text = "\u{202E}India\u{200F} condemned\u{200B} Nigeria\u{2067} over\u{FEFF} the missile test. The\u{2066} report number was 618.\u{202C}\n\n\
                    Officials\u{200F} of both governments said that\u{202A} the talks would continue in the capital next week.\u{200C}\u{202C}";
        let mut rec = text_record(text, None);
        rec.lang = None;
        let a = extract(&rec).unwrap();
        // before: detected as Afrikaans ("afr"), its second paragraph dropped, and no event coded
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert!(a.text.starts_with("India condemned Nigeria over the missile test."), "{}", a.text);
        assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
        let page = format!("<html><body><article><p>{}</p><p>Second &#x202E;paragraph&#x202C; of the page, long enough to count as text here.</p></article></body></html>", text.replace("\n\n", "</p><p>"));
        let a = extract(&Record { payload: Payload::Html(page.into_bytes()), ..text_record("", None) }).unwrap();
        assert!(!a.text.contains(crate::decode::is_invisible_control), "{:?}", a.text);
    }

    #[test]
    fn a_bare_ampersand_stays() {
        let a = extract(&text_record("Shares of AT&T rose on Monday.\n", None)).unwrap();
        assert!(a.text.contains("AT&T"), "{}", a.text);
    }
}
