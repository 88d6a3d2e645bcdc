//! Main content and news metadata from HTML.
//!
//! Metadata comes from the places publishers put it (JSON-LD, Open Graph and `article:` meta,
//! `<time>`, `<link rel=canonical>`, `<html lang>`). The body is the block whose paragraphs
//! carry the most text, after scripts, styles and page chrome are set aside; its paragraphs
//! go through the same furniture filter and dateline reader as scraped text.

use khabar_core::Article;
use scraper::{ElementRef, Html, Selector};

use crate::scraped;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Extracts an article from an HTML document.
pub fn extract_html(html: &str) -> Article {
    let doc = Html::parse_document(html);
    let mut article = Article::default();
    let meta = |names: &[&str]| -> Option<String> {
        for n in names {
            let s = sel(&format!("meta[property=\"{n}\"], meta[name=\"{n}\"], meta[itemprop=\"{n}\"]"));
            if let Some(v) = doc.select(&s).find_map(|e| e.value().attr("content")).map(str::trim).filter(|v| !v.is_empty()) {
                return Some(v.to_string());
            }
        }
        None
    };
    let ld = json_ld(&doc);
    let ld_str = |k: &str| ld.iter().find_map(|v| v.get(k).and_then(|x| x.as_str()).map(str::to_string));

    let site = meta(&["og:site_name", "application-name"]).or_else(|| ld.iter().find_map(|v| v.pointer("/publisher/name").and_then(|x| x.as_str()).map(str::to_string)));
    let raw_title = meta(&["og:title", "twitter:title"])
        .or_else(|| ld_str("headline"))
        .or_else(|| doc.select(&sel("title")).next().map(|t| t.text().collect::<String>()))
        .or_else(|| doc.select(&sel("h1")).next().map(|t| t.text().collect::<String>()));
    article.title = raw_title.map(|t| strip_site_suffix(t.trim(), site.as_deref()));
    article.published = ld_str("datePublished")
        .or_else(|| meta(&["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "DC.date.issued", "sailthru.date"]))
        .or_else(|| doc.select(&sel("time[datetime]")).next().and_then(|t| t.value().attr("datetime")).map(str::to_string));
    article.author = meta(&["author", "article:author", "byl"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld.iter().find_map(|v| v.pointer("/author/name").or_else(|| v.pointer("/author/0/name")).and_then(|x| x.as_str()).map(str::to_string)));
    article.url = doc
        .select(&sel("link[rel=\"canonical\"]"))
        .find_map(|e| e.value().attr("href"))
        .map(str::to_string)
        .or_else(|| meta(&["og:url"]));
    article.lang = doc
        .select(&sel("html"))
        .next()
        .and_then(|h| h.value().attr("lang"))
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .filter(|l| !l.is_empty());
    article.site = site;

    let paragraphs = main_paragraphs(&doc);
    // run the body through the scraped-text reader for furniture lines and the dateline
    let body = scraped::extract_text_anchored(&paragraphs.join("\n\n"), article.published.as_deref());
    article.dateline = body.dateline;
    if article.agency.is_none() {
        article.agency = body.agency;
    }
    let paragraphs: Vec<String> = if body.paragraphs.is_empty() { paragraphs } else { body.paragraphs };
    let title_key = article.title.as_deref().map(khabar_text::normalize);
    let paragraphs: Vec<String> = paragraphs.into_iter().filter(|p| Some(khabar_text::normalize(p)) != title_key).collect();
    article.text = paragraphs.join("\n\n");
    article.paragraphs = paragraphs;
    article
}

fn json_ld(doc: &Html) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for s in doc.select(&sel("script[type=\"application/ld+json\"]")) {
        let text: String = s.text().collect();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(text.trim()) else { continue };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(a) => stack.extend(a),
                serde_json::Value::Object(ref o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g.clone());
                    }
                    out.push(v);
                }
                _ => {}
            }
        }
    }
    out
}

/// "Talks resume - Example News" → "Talks resume" when the suffix is the site (or the title is
/// split by a separator and one side is clearly the headline).
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " « "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| khabar_text::normalize(tail).contains(&khabar_text::normalize(s)))
                || tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3;
            if tail_is_site {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

const SKIP: &[&str] = &["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select", "template", "figcaption"];
const BLOCKS: &[&str] = &["p", "h2", "h3", "h4", "li", "blockquote", "pre"];

/// Paragraphs of the block whose own paragraph children carry the most text.
fn main_paragraphs(doc: &Html) -> Vec<String> {
    let body = doc.select(&sel("body")).next().unwrap_or_else(|| doc.root_element());
    // score each element by the text of its <p> children
    let mut best: Option<(usize, ElementRef)> = None;
    for p in body.select(&sel("p")) {
        if in_skipped(p) {
            continue;
        }
        let Some(parent) = p.parent().and_then(ElementRef::wrap) else { continue };
        let score: usize = parent
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| c.value().name() == "p")
            .map(|c| c.text().map(str::len).sum::<usize>())
            .sum();
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, parent));
        }
    }
    let container = match best {
        Some((_, el)) => el,
        None => body,
    };
    let mut out = Vec::new();
    collect_blocks(container, &mut out);
    if out.is_empty() {
        let text: String = container.text().collect::<Vec<_>>().join(" ");
        out.extend(text.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|l| !l.is_empty()));
    }
    out
}

fn in_skipped(el: ElementRef) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| SKIP.contains(&a.value().name()))
}

fn collect_blocks(el: ElementRef, out: &mut Vec<String>) {
    for child in el.children().filter_map(ElementRef::wrap) {
        let name = child.value().name();
        if SKIP.contains(&name) {
            continue;
        }
        if BLOCKS.contains(&name) {
            let text = child.text().collect::<Vec<_>>().join(" ");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                out.push(text);
            }
        } else {
            collect_blocks(child, out);
        }
    }
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
