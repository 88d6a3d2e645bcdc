//! Main content and news metadata from HTML.
//!
//! The page is parsed once by the crate's own forgiving parser ([`crate::dom`]). Metadata comes
//! from the places publishers put it: JSON-LD, Open Graph and `article:` meta, `<time>`,
//! `<link rel=canonical>`, `<html lang>`, a date in the URL, or a date written near the headline.
//! The body is chosen by [`crate::content`] (readability-style scoring); its paragraphs then
//! lose furniture lines (`lexicons/extract/boilerplate.txt`) and the repeated headline, and the
//! first one gives up its dateline.

use khabar_core::Article;

use crate::dom::{self, Dom};
use crate::{content, dateline, meta, scraped};

/// Extracts an article from an HTML document.
pub fn extract_html(html: &str) -> Article {
    let doc = dom::parse(html);
    let mut article = metadata(&doc);
    let paragraphs = content::main_paragraphs(&doc);
    let title_key = article.title.as_deref().map(khabar_text::normalize);
    // a label announcing other stories takes the short headline lines after it along
    let mut announced = 0;
    let mut paragraphs: Vec<String> = paragraphs
        .into_iter()
        .filter(|p| {
            if scraped::is_announce_paragraph(p) {
                announced = 3;
                return false;
            }
            let headline_like = !scraped::more_words_than(p, 20) && !p.trim_end().ends_with(['.', '!', '?', ':', '"', '»', '“', '”']);
            if announced > 0 && headline_like {
                announced -= 1;
                return false;
            }
            announced = 0;
            true
        })
        // (announcing labels were taken out above)
        .filter(|p| !scraped::is_furniture_unless_announce(p))
        // (normalised only when its length is near the title's)
        .filter(|p| title_key.as_deref().is_none_or(|t| p.len() > 2 * t.len() + 16 || t.len() > 2 * p.len() + 16 || khabar_text::normalize(p) != t))
        .collect();
    if let Some(first) = paragraphs.first_mut() {
        if let Some(found) = dateline::find(first) {
            let anchor = article.published.as_deref().and_then(|d| khabar_time::parse_date(d, None));
            article.dateline = Some(khabar_core::Dateline {
                place: found.place.clone(),
                date: found.date_with_anchor(anchor),
                agency: found.agency.clone(),
            });
            if article.agency.is_none() {
                article.agency = found.agency.clone();
            }
            *first = first[found.len..].trim().to_string();
        }
    }
    // promotions sit at the edges of a body: the first paragraph, the last three
    while paragraphs.len() > 1 && paragraphs.first().is_some_and(|p| scraped::is_promo_paragraph(p)) {
        paragraphs.remove(0);
    }
    let n = paragraphs.len();
    let mut k = 0;
    paragraphs.retain(|p| {
        k += 1;
        !(n > 1 && k + 3 > n && scraped::is_promo_paragraph(p))
    });
    paragraphs.retain(|p| !p.is_empty());
    // the lead under the headline, when the body chosen starts below it
    if let Some(lead) = paragraphs.first().and_then(|first| lead_above(&doc, first)) {
        let start: String = lead.chars().take(60).collect();
        if !paragraphs.iter().any(|p| p.contains(start.as_str())) {
            paragraphs.insert(0, lead);
        }
    }
    article.text = paragraphs.join("\n\n");
    article.paragraphs = paragraphs;
    article
}

/// The standfirst between the `<h1>` and the first paragraph of the body: the first paragraph
/// or subheading of 80 to 700 characters there that reads as prose (ends a sentence, few links).
fn lead_above(doc: &Dom, first: &str) -> Option<String> {
    use crate::dom::{Data, Tag};
    let h1 = doc.find(Tag::H1)? as usize;
    let head: String = first.chars().take(40).collect();
    let mut seen = 0usize;
    let mut k = h1 + 1;
    while k < doc.nodes.len() && k < h1 + 400 {
        match &doc.nodes[k].data {
            Data::Text(t) => {
                if t.contains(head.as_str()) {
                    return None;
                }
                seen += t.trim().len();
                if seen > 1500 {
                    return None;
                }
            }
            Data::Element(e) if matches!(e.tag, Tag::P | Tag::H2) && !in_caption(doc, k) => {
                let t = doc.text_of(k as u32).split_whitespace().collect::<Vec<_>>().join(" ");
                if t.contains(head.as_str()) {
                    return None;
                }
                let links: usize = doc.children(k as u32).filter(|&c| doc.nodes[c as usize].tag() == Some(Tag::A)).map(|c| doc.text_of(c).len()).sum();
                let prose = t.ends_with(['.', '!', '?', '…', '"', '“', '”', '»']) && links * 3 < t.len();
                if (80..=700).contains(&t.chars().count()) && prose && marked_lead(doc, k) && !scraped::is_furniture_paragraph(&t) {
                    return Some(t);
                }
            }
            Data::Element(e) if matches!(e.tag, Tag::Nav | Tag::Aside | Tag::Footer | Tag::Form) => return None,
            _ => {}
        }
        k += 1;
    }
    None
}

/// Marked as the story's lead: its class, or one of its two nearest ancestors', says lead,
/// intro, standfirst, summary, teaser, subtitle, excerpt, deck or abstract.
fn marked_lead(doc: &Dom, k: usize) -> bool {
    use crate::dom::NONE;
    let mut a = k as u32;
    for _ in 0..3 {
        if a == NONE {
            break;
        }
        let node = &doc.nodes[a as usize];
        if let Some(e) = node.element() {
            let key = format!("{} {}", e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")).to_ascii_lowercase();
            if ["lead", "intro", "standfirst", "summary", "teaser", "subtitle", "sub-title", "subline", "excerpt", "deck", "abstract", "description", "chapeau", "chapo", "einleitung", "vorspann", "entradilla", "bajada"]
                .iter()
                .any(|w| key.contains(w))
            {
                return true;
            }
        }
        a = node.parent;
    }
    false
}

/// Inside a figure, its caption or an image credit: not the story's text.
fn in_caption(doc: &Dom, k: usize) -> bool {
    use crate::dom::{Tag, NONE};
    let mut a = doc.nodes[k].parent;
    for _ in 0..6 {
        if a == NONE {
            break;
        }
        let node = &doc.nodes[a as usize];
        if let Some(e) = node.element() {
            if matches!(e.tag, Tag::Figure | Tag::Figcaption | Tag::Aside | Tag::Nav | Tag::Footer)
                || e.attr("class").is_some_and(|c| {
                    let c = c.to_ascii_lowercase();
                    c.contains("caption") || c.contains("credit") || c.contains("image") || c.contains("photo") || c.contains("media")
                })
            {
                return true;
            }
        }
        a = node.parent;
    }
    false
}

/// Title, dates, author, site, canonical URL and language of a page (see [`crate::meta`]).
pub fn metadata(doc: &Dom) -> Article {
    meta::metadata(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head>
<title>Talks resume in Geneva | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-03-03T10:00:00Z">
<meta name="author" content="A. Writer">
<link rel="canonical" href="https://news.example/talks">
<script>var x = "<p>not text</p>";</script>
</head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<div class="story">
<p>GENEVA, March 3 (Reuters) - Delegations from both sides returned to the table on Wednesday after a week-long pause.</p>
<p>The mediator said the sessions would continue through the weekend and that both teams had brought new proposals.</p>
<aside><p>Related: an older story that is not this one at all, and it is long enough to matter.</p></aside>
</div>
<footer><p>Copyright Example News. All rights reserved.</p></footer>
</body></html>"#;

    #[test]
    fn metadata_from_head() {
        let a = extract_html(PAGE);
        assert_eq!(a.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(a.published.as_deref(), Some("2021-03-03T10:00:00Z"));
        assert_eq!(a.author.as_deref(), Some("A. Writer"));
        assert_eq!(a.site.as_deref(), Some("Example News"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/talks"));
        assert_eq!(a.lang.as_deref(), Some("en"));
    }

    #[test]
    fn body_without_chrome() {
        let a = extract_html(PAGE);
        assert!(a.text.starts_with("Delegations from both sides"), "{}", a.text);
        assert!(a.text.contains("new proposals"));
        for junk in ["Home", "Related", "Copyright", "not text"] {
            assert!(!a.text.contains(junk), "{junk}");
        }
        let dl = a.dateline.unwrap();
        assert_eq!(dl.place.as_deref(), Some("GENEVA"));
        assert_eq!(dl.date.as_deref(), Some("2021-03-03"), "the year comes from the published date");
    }
}
