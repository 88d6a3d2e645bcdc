//! Main content and news metadata from HTML.
//!
//! The page is parsed once by the crate's own forgiving parser ([`crate::dom`]). Metadata comes
//! from the places publishers put it: JSON-LD, Open Graph and `article:` meta, `<time>`,
//! `<link rel=canonical>`, `<html lang>`, a date in the URL, or a date written near the headline.
//! The body is chosen by [`crate::content`] (readability-style scoring); its paragraphs then
//! lose furniture lines (`lexicons/extract/boilerplate.txt`) and the repeated headline, and the
//! first one gives up its dateline.

use std::collections::HashMap;

use khabar_core::Article;

use crate::dom::{self, Data, Dom, Tag};
use crate::{content, dateline, scraped};

/// Extracts an article from an HTML document.
pub fn extract_html(html: &str) -> Article {
    let doc = dom::parse(html);
    let mut article = metadata(&doc);
    let paragraphs = content::main_paragraphs(&doc);
    let title_key = article.title.as_deref().map(khabar_text::normalize);
    let mut paragraphs: Vec<String> = paragraphs
        .into_iter()
        .filter(|p| !scraped::is_furniture_paragraph(p))
        .filter(|p| title_key.is_none() || Some(khabar_text::normalize(p)) != title_key)
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
    article.text = paragraphs.join("\n\n");
    article.paragraphs = paragraphs;
    article
}

/// Title, dates, author, site, canonical URL and language of a page.
pub fn metadata(doc: &Dom) -> Article {
    let mut meta: HashMap<String, String> = HashMap::new();
    let mut canonical = None;
    let mut html_lang = None;
    let mut title_tag = None;
    let mut h1 = None;
    let mut times: Vec<(bool, String)> = Vec::new();
    let mut ld = Vec::new();
    for (k, node) in doc.nodes.iter().enumerate() {
        let Data::Element(e) = &node.data else { continue };
        match e.tag {
            Tag::Meta => {
                let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop")).or_else(|| e.attr("http-equiv"));
                if let (Some(key), Some(v)) = (key, e.attr("content")) {
                    let v = v.trim();
                    if !v.is_empty() {
                        meta.entry(key.to_ascii_lowercase()).or_insert_with(|| v.to_string());
                    }
                }
            }
            Tag::Link if canonical.is_none() && e.attr("rel").is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("canonical"))) => {
                canonical = e.attr("href").map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
            }
            Tag::Html => html_lang = e.attr("lang").map(str::to_string),
            Tag::Title if title_tag.is_none() => title_tag = Some(doc.text_of(k as u32)),
            Tag::H1 if h1.is_none() => h1 = Some(k as u32),
            Tag::Time => {
                if let Some(dt) = e.attr("datetime").filter(|d| d.len() >= 8) {
                    let published = e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                        || e.attr("class").is_some_and(|c| c.to_ascii_lowercase().contains("pub"));
                    times.push((published, dt.trim().to_string()));
                }
            }
            Tag::Script => {
                let text = doc.text_of(k as u32);
                json_ld(&text, &mut ld);
            }
            _ => {}
        }
    }
    let m = |names: &[&str]| names.iter().find_map(|n| meta.get(*n).cloned());
    let ld_str = |path: &[&str]| ld.iter().find_map(|v| ld_get(v, path));
    let mut article = Article::default();

    let site = m(&["og:site_name", "application-name", "twitter:site"])
        .or_else(|| ld_str(&["publisher", "name"]))
        .map(|s| s.trim_start_matches('@').to_string());
    let h1_text = h1.map(|k| doc.text_of(k).split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty());
    let raw_title = m(&["og:title", "twitter:title"])
        .or_else(|| ld_str(&["headline"]))
        .or(title_tag)
        .or_else(|| h1_text.clone());
    article.title = raw_title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .map(|t| strip_site_suffix(&t, site.as_deref(), h1_text.as_deref()))
        .filter(|t| !t.is_empty());
    article.url = canonical.or_else(|| m(&["og:url"]));
    article.published = ld_str(&["datePublished"])
        .or_else(|| {
            m(&[
                "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
                "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "date", "article.published",
                "og:updated_time", "article:modified_time",
            ])
        })
        .or_else(|| times.iter().find(|(p, _)| *p).or(times.first()).map(|(_, d)| d.clone()))
        .or_else(|| article.url.as_deref().and_then(url_date))
        .or_else(|| h1.and_then(|k| date_near(doc, k)));
    article.author = m(&["author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld.iter().find_map(ld_author))
        .map(|a| a.trim().trim_start_matches("By ").trim_start_matches("by ").trim().to_string());
    article.lang = html_lang
        .or_else(|| m(&["content-language", "og:locale", "language", "dc.language"]))
        .map(|l| l.trim().split(['-', '_', ',']).next().unwrap_or("").to_ascii_lowercase())
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    article.site = site;
    article
}

fn json_ld(text: &str, out: &mut Vec<serde_json::Value>) {
    let t = text.trim();
    let t = t.strip_prefix("<!--").unwrap_or(t).trim_end_matches("-->").trim();
    let t = t.strip_prefix("//<![CDATA[").unwrap_or(t).trim_end_matches("//]]>").trim();
    let Ok(v) = serde_json::from_str::<serde_json::Value>(t) else { return };
    let mut stack = vec![v];
    let mut budget = 10_000;
    while let Some(v) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        match v {
            serde_json::Value::Array(a) => stack.extend(a.into_iter().rev()),
            serde_json::Value::Object(mut o) => {
                if let Some(g) = o.remove("@graph") {
                    stack.push(g);
                }
                if let Some(main) = o.get("mainEntity").cloned() {
                    stack.push(main);
                }
                // articles first: a page's JSON-LD also describes the site, breadcrumbs, videos
                let is_article = o.get("@type").is_some_and(|t| {
                    let s = t.to_string();
                    s.contains("Article") || s.contains("Posting") || s.contains("Report") || s.contains("Story")
                });
                if is_article {
                    out.insert(0, serde_json::Value::Object(o));
                } else {
                    out.push(serde_json::Value::Object(o));
                }
            }
            _ => {}
        }
    }
}

fn ld_get(v: &serde_json::Value, path: &[&str]) -> Option<String> {
    let mut cur = v;
    for p in path {
        cur = match cur {
            serde_json::Value::Array(a) => a.first()?.get(p)?,
            _ => cur.get(p)?,
        };
    }
    match cur {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

fn ld_author(v: &serde_json::Value) -> Option<String> {
    let a = v.get("author")?;
    let one = |x: &serde_json::Value| match x {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(_) => x.get("name").and_then(|n| n.as_str()).map(str::to_string),
        _ => None,
    };
    let names: Vec<String> = match a {
        serde_json::Value::Array(xs) => xs.iter().filter_map(one).collect(),
        x => one(x).into_iter().collect(),
    };
    let names: Vec<String> = names.into_iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty() && !n.starts_with("http")).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// A date in a URL path: `/2019/11/18/`, `/2019-11-18-…`, `/20191118/`.
fn url_date(url: &str) -> Option<String> {
    let b = url.as_bytes();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let rest = &b[i..];
        let ymd = if rest.len() >= 10 && digits(&rest[..4]) && matches!(rest[4], b'/' | b'-' | b'_') && digits(&rest[5..7]) && rest[7] == rest[4] && digits(&rest[8..10]) && rest.get(10).is_none_or(|c| !c.is_ascii_digit()) {
            Some((&rest[..4], &rest[5..7], &rest[8..10]))
        } else if rest.len() >= 8 && digits(&rest[..8]) && rest.get(8).is_none_or(|c| !c.is_ascii_alphanumeric()) {
            Some((&rest[..4], &rest[4..6], &rest[6..8]))
        } else {
            None
        };
        if let Some((y, mo, d)) = ymd {
            let s = |x: &[u8]| std::str::from_utf8(x).ok()?.parse::<u32>().ok();
            let (y, mo, d) = (s(y)?, s(mo)?, s(d)?);
            if (1990..=2100).contains(&y) && khabar_time::Date::from_ymd_opt(y as i32, mo, d).is_some() {
                return Some(format!("{y:04}-{mo:02}-{d:02}"));
            }
        }
    }
    None
}

/// A date written in the few hundred characters after the headline (a byline's "March 3, 2021").
fn date_near(doc: &Dom, h1: u32) -> Option<String> {
    let mut seen = 0usize;
    for node in &doc.nodes[h1 as usize + 1..] {
        if let Data::Text(t) = &node.data {
            let t = t.trim();
            if t.is_empty() || t.len() > 200 {
                seen += t.len();
            } else if t.chars().any(|c| c.is_ascii_digit()) {
                if let Some(d) = khabar_time::parse_date(t, None) {
                    return Some(d.to_string());
                }
            }
            seen += t.len();
            if seen > 600 {
                break;
            }
        }
    }
    None
}

/// "Talks resume - Example News" → "Talks resume" when the suffix is the site, or when one side
/// of the separator is the page's `<h1>`, or the other side is short and the headline is not.
fn strip_site_suffix(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    if let Some(h) = h1 {
        if title.starts_with(h) && h.split_whitespace().count() >= 3 {
            return h.to_string();
        }
    }
    for sep in [" | ", " - ", " — ", " – ", " :: ", " « ", " » ", " : "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let site_named = site.is_some_and(|s| !s.is_empty() && khabar_text::normalize(tail).contains(&khabar_text::normalize(s)));
            let tail_is_site = site_named || tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3;
            if tail_is_site {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if site.is_some_and(|s| !s.is_empty() && khabar_text::normalize(head) == khabar_text::normalize(s)) {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
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
