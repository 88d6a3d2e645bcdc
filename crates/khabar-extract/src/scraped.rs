//! Scraped text dumps: what a crawler saved of a news page, navigation and all.
//!
//! Lines are classified one by one: crawler stamps and "source:" lines become metadata
//! (site, agency, published time); navigation, print/share, "hot news" and "related links"
//! lines ([`lexicons/extract/boilerplate.txt`]), social handles, lone symbols and pagination marks
//! ("【1】【2】") are dropped; a short headline line becomes the title (its "(2)" mark the page
//! number); the body runs from the dateline (or the first real paragraph) to the last real one.

use std::collections::HashSet;
use std::sync::OnceLock;

use khabar_core::{Article, Dateline, PageOf};
use regex::Regex;

use crate::dateline;

const BOILERPLATE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/extract/boilerplate.txt"));

/// Crawler stamps that name a site, with the site's name.
const SITE_STAMPS: &[(&str, &str)] = &[
    ("人民网", "People's Daily Online"),
    ("新华网", "Xinhuanet"),
    ("中国网", "China.org.cn"),
    ("央视网", "CCTV.com"),
];

fn boilerplate() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        BOILERPLATE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(line_key)
            .collect()
    })
}

const PREFIXES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/extract/furniture-prefixes.txt"));

/// The furniture openings and, after `[promo]`, the promotion phrases.
fn prefixes() -> &'static (Vec<String>, Vec<String>, Vec<String>) {
    static SET: OnceLock<(Vec<String>, Vec<String>, Vec<String>)> = OnceLock::new();
    SET.get_or_init(|| {
        let (mut openings, mut promo, mut announce) = (Vec::new(), Vec::new(), Vec::new());
        let mut section = "";
        for l in PREFIXES.lines().map(|l| l.trim_start().trim_end_matches(['\r', '\n'])) {
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            match l.trim() {
                "[promo]" => section = "promo",
                "[announce]" => section = "announce",
                _ => match section {
                    "promo" => promo.push(l.to_lowercase()),
                    "announce" => announce.push(l.to_lowercase()),
                    _ => openings.push(l.to_lowercase()),
                },
            }
        }
        (openings, promo, announce)
    })
}

/// Is this short paragraph a label announcing links to other stories ("Read also:", "Schon
/// gelesen?", "Czytaj też")? (`[announce]` in `lexicons/extract/furniture-prefixes.txt`.)
pub fn is_announce_paragraph(para: &str) -> bool {
    let p = para.trim_start_matches(|c: char| !c.is_alphanumeric());
    if p.len() > 400 || more_words_than(p, 30) {
        return false;
    }
    let head = lower_head(p);
    let Some(pre) = prefixes().2.iter().find(|pre| head.starts_with(pre.as_str()) && head[pre.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())) else {
        return false;
    };
    // a short label, or a label with its colon and one headline ("VEA TAMBIÉN: Entre …", no
    // sentence after it)
    let short = p.len() <= 200 && !more_words_than(p, 12);
    let headline = head[pre.len()..].trim_start().starts_with(':') && !p.trim_end().ends_with('.') && !p.contains(". ");
    short || headline
}

/// Is this short paragraph a promotion ("Sign up for our newsletter …", "Follow him on
/// Twitter @…")? Only asked of a body's first and last paragraphs.
pub fn is_promo_paragraph(para: &str) -> bool {
    if more_words_than(para, 60) {
        return false;
    }
    let lower = para.to_lowercase();
    prefixes().1.iter().any(|p| lower.contains(p.as_str()))
}

/// Is this whole line page furniture ("Share this article", "Advertisement", "اقرأ أيضا")?
/// Long lines never are: the check is for the short labels that sit between paragraphs.
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 120 {
        return false;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    boilerplate().contains(&line_key(line))
}

/// Is this paragraph of HTML body text furniture: a whole furniture line, or a short paragraph
/// opening like one ("READ MORE: …", "Photo: …", "Write to … at …",
/// `lexicons/extract/furniture-prefixes.txt`)?
pub fn is_furniture_paragraph(para: &str) -> bool {
    is_furniture_unless_announce(para) || is_announce_paragraph(para.trim_start())
}

/// [`is_furniture_paragraph`] without its [`is_announce_paragraph`] test, for a body's
/// paragraphs, which were asked that first.
pub(crate) fn is_furniture_unless_announce(para: &str) -> bool {
    if is_furniture_line(para) {
        return true;
    }
    let p = para.trim_start();
    if more_words_than(p, 40) {
        return false;
    }
    let head = lower_head(p);
    prefixes().0.iter().any(|pre| head.starts_with(pre.as_str())) || is_byline_or_stamp(p, &head)
}

/// The first 48 characters of `p` in lower case, as the opening lists are written: ASCII
/// openings, the usual ones, without Unicode case tables.
fn lower_head(p: &str) -> String {
    let end = p.char_indices().nth(48).map_or(p.len(), |(i, _)| i);
    let head = &p[..end];
    if head.is_ascii() {
        head.to_ascii_lowercase()
    } else {
        head.chars().flat_map(char::to_lowercase).collect()
    }
}

/// "By A. Writer", "Updated 10:00 GMT, March 3": a short byline, or a short time stamp line.
fn is_byline_or_stamp(p: &str, head: &str) -> bool {
    let words = p.split_whitespace().count();
    let byline = words <= 8 && (p.starts_with("By ") || p.starts_with("BY ")) && !p.ends_with(['.', '!', '?']);
    const STAMPS: &[&str] = &["published", "updated", "last updated", "posted", "publié", "mis à jour", "publicado", "actualizado", "نشر", "تم النشر", "آخر تحديث", "发布时间", "更新时间"];
    let digits = p.chars().any(|c| c.is_ascii_digit());
    // (and the publication and modification labels of `lexicons/extract/dates.txt`: "Publiziert:")
    let first = head.split_whitespace().next().unwrap_or("");
    let stamp = words <= 16 && digits && (STAMPS.iter().any(|s| head.starts_with(s)) || crate::dates::is_marker(first));
    // a date alone, or with its time and a name ("24. März 2004, 19:49 | Genesis"): a post's
    // stamp, never a sentence of the story
    let date_line = p.len() <= 48
        && digits
        && crate::dates::find(p, false).is_some_and(|(_, at)| at <= 12)
        && p.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).count() <= 3;
    // a site's name alone as its domain ("EXAMPLE.COM"), or a signature of initials and agency
    // ("aja/PAP")
    let lone = words == 1 && p.len() <= 40 && !p.ends_with('.') && {
        // (a brand's capitals: a domain in lower case is a link the story lists, an address)
        let domain = !p.contains('@')
            && p.chars().any(|c| c.is_uppercase())
            && p.rsplit_once('.').is_some_and(|(name, tld)| !name.is_empty() && (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic()));
        // (the writer's initials in lower case: "CDU/CSU" is no signature)
        let signature = p.split_once('/').is_some_and(|(a, b)| {
            (2..=4).contains(&a.len()) && (2..=5).contains(&b.len()) && a.chars().all(|c| c.is_lowercase()) && b.chars().all(char::is_alphabetic)
        });
        domain || signature
    };
    byline || stamp || date_line || lone
}

/// Has `s` more than `n` words (runs of non-space characters, as `split_whitespace` reads
/// them)? Every paragraph of a body is asked several times: ASCII bytes are read without
/// decoding, and the count stops at the word past `n`.
pub(crate) fn more_words_than(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < b.len() {
        let space = if b[i] < 0x80 {
            i += 1;
            matches!(b[i - 1], b'\t'..=b'\r' | b' ')
        } else {
            let Some(c) = s[i..].chars().next() else { break };
            i += c.len_utf8();
            c.is_whitespace()
        };
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
    }
    false
}

/// The form a line is compared in: normalised, without punctuation at its ends.
fn line_key(line: &str) -> String {
    khabar_text::normalize(line.trim_matches(|c: char| !c.is_alphanumeric()))
}

struct Patterns {
    stamp: Regex,
    source: Regex,
    pagination: Regex,
    title_page: Regex,
    handle: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // "人民网 2020:07:09.10:11:09"
        stamp: Regex::new(r"^(?P<site>\S{1,30}(?:\s\S{1,30}){0,2})\s+(?P<date>\d{4}[-:/.]\d{2}[-:/.]\d{2})[.\sT]+(?P<time>\d{2}:\d{2}(?::\d{2})?)$").unwrap(),
        // "/مصدر: شينخوا/  2020:07:09.09:43", "Source: Xinhua 2020-07-09 09:43", "来源：新华社"
        source: Regex::new(r"^/?\s*(?:مصدر|المصدر|source|来源|fuente)\s*[:：]\s*(?P<agency>[^/\d]+?)\s*/?\s*(?:(?P<date>\d{4}[-:/.]\d{2}[-:/.]\d{2})(?:[.\sT]+(?P<time>\d{2}:\d{2}))?)?\s*$").unwrap(),
        // "【1】【2】", "[1] [2] [3]", "1 2 3 Next", "Page 2 of 3"
        pagination: Regex::new(r"(?i)^(?:(?:【\d{1,3}】|\[\d{1,3}\]|\d{1,3})\s*)+(?:next|›|»|>|التالي)?$|^page\s+\d+\s+of\s+\d+$|^الصفحة\s+\d+\s+من\s+\d+$").unwrap(),
        // "Headline (2)" on a continuation page
        title_page: Regex::new(r"^(?P<title>.+?)\s*[(（](?P<n>\d{1,2})[)）]$").unwrap(),
        // "arabic.people.cn@facebook", "@xinhua", "twitter.com/x"
        handle: Regex::new(r"(?i)^(?:\S*@\S+|\S+\.(?:com|cn|net|org)/\S*)$").unwrap(),
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum LineKind {
    Blank,
    Furniture,
    Content,
}

/// Extracts an article from a scraped text dump (or from plain text: a story or one sentence).
pub fn extract_text(text: &str) -> Article {
    extract_text_anchored(text, None)
}

/// Like [`extract_text`], with a publication date known from elsewhere (HTML metadata) to give
/// a year to a dateline that has none ("DAMASCUS, July 8 (Xinhua)").
pub fn extract_text_anchored(text: &str, published: Option<&str>) -> Article {
    let p = patterns();
    let mut article = Article::default();
    let mut site_name: Option<&str> = None;
    let mut site_domain: Option<String> = None;
    let mut pages_of = 0u32;
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut kinds = Vec::with_capacity(lines.len());

    for line in &lines {
        let kind = if line.is_empty() {
            LineKind::Blank
        } else if let Some(c) = p.source.captures(line) {
            if let Some(a) = dateline::agency_name(&c["agency"]) {
                article.agency = Some(a.to_string());
            } else {
                article.agency = Some(c["agency"].trim().to_string());
            }
            if let Some(d) = c.name("date") {
                // the source line's time is when the story was posted: it wins over a crawl stamp
                article.published = Some(iso(d.as_str(), c.name("time").map(|t| t.as_str())));
            }
            LineKind::Furniture
        } else if let Some(c) = p.stamp.captures(line) {
            site_name = SITE_STAMPS.iter().find(|(s, _)| *s == &c["site"]).map(|&(_, n)| n).or(site_name);
            article.published.get_or_insert_with(|| iso(&c["date"], Some(&c["time"])));
            LineKind::Furniture
        } else if p.pagination.is_match(line) {
            pages_of = pages_of.max(max_number(line));
            LineKind::Furniture
        } else if line.split_whitespace().all(|w| p.handle.is_match(w)) {
            if let Some(d) = line.split_whitespace().find_map(|w| w.split('@').next().filter(|d| d.contains('.'))) {
                site_domain.get_or_insert_with(|| d.to_string());
            }
            LineKind::Furniture
        } else if !line.chars().any(char::is_alphanumeric) || boilerplate().contains(&line_key(line)) {
            LineKind::Furniture
        } else {
            LineKind::Content
        };
        kinds.push(kind);
    }

    let content: Vec<usize> = (0..lines.len()).filter(|&i| kinds[i] == LineKind::Content).collect();
    // body start: the dateline paragraph, else the first paragraph that reads like prose
    let dateline_at = content.iter().copied().find(|&i| dateline::find(lines[i]).is_some());
    let start = dateline_at.or_else(|| content.iter().copied().find(|&i| is_prose(lines[i])));
    let Some(start) = start else {
        // nothing reads like prose: the whole text is the body (a sentence, a short item)
        let body: Vec<String> = content.iter().map(|&i| lines[i].to_string()).collect();
        article.text = body.join("\n\n");
        article.paragraphs = body;
        return article;
    };
    let end = content.iter().copied().rev().find(|&i| i >= start && is_prose(lines[i])).unwrap_or(start);

    // title: the last short content line before the body (the headline sits just above it);
    // a repeated headline is dropped from the body too
    let before: Vec<usize> = content.iter().copied().filter(|&i| i < start && !is_prose(lines[i])).collect();
    let title_line = before
        .iter()
        .copied()
        .find(|&i| lines[i].split_whitespace().count() >= 3)
        .or_else(|| before.last().copied());
    if let Some(t) = title_line {
        let raw = lines[t];
        let (title, page) = match p.title_page.captures(raw) {
            Some(c) => (c["title"].to_string(), c["n"].parse::<u32>().ok()),
            None => (raw.to_string(), None),
        };
        if let Some(n) = page {
            article.page = Some(PageOf { number: n, of: pages_of.max(n) });
        }
        article.title = Some(title);
    }
    if article.page.is_none() && pages_of > 1 {
        // marks without a numbered title: the page number is unknown, the count is not
        article.page = None;
    }

    let title_key = article.title.as_deref().map(line_key);
    let mut paragraphs = Vec::new();
    for i in start..=end {
        if kinds[i] != LineKind::Content {
            continue;
        }
        let mut line = lines[i];
        if title_key.as_deref() == Some(line_key(line).as_str()) {
            continue;
        }
        if i == start {
            if let Some(found) = dateline::find(line) {
                let anchor = article.published.as_deref().or(published).and_then(|d| khabar_time::parse_date(d, None));
                article.dateline = Some(Dateline {
                    place: found.place.clone(),
                    date: found.date_with_anchor(anchor),
                    agency: found.agency.clone(),
                });
                if article.agency.is_none() {
                    article.agency = found.agency.clone();
                }
                line = line[found.len..].trim();
            }
        }
        if !line.is_empty() {
            paragraphs.push(line.to_string());
        }
    }
    article.site = match (site_name, site_domain) {
        (Some(n), Some(d)) => Some(format!("{n} ({d})")),
        (Some(n), None) => Some(n.to_string()),
        (None, Some(d)) => Some(d),
        (None, None) => None,
    };
    article.text = paragraphs.join("\n\n");
    article.paragraphs = paragraphs;
    article
}

/// A line that reads like article prose: a sentence's length and ending.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let cjk = line.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count();
    // a headline can be long, but it does not end like a sentence
    words >= 20 || cjk >= 40 || (words >= 6 && line.ends_with(['.', '。', '!', '?', '؟', '"', '”', '»']))
}

fn max_number(line: &str) -> u32 {
    line.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).max().unwrap_or(0)
}

/// "2020:07:09" + "09:43" → "2020-07-09T09:43".
fn iso(date: &str, time: Option<&str>) -> String {
    let d: String = date.chars().map(|c| if c.is_ascii_digit() { c } else { '-' }).collect();
    match time {
        Some(t) => format!("{d}T{}", &t[..5.min(t.len())]),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scrape written for this test in the shape of a republished wire page.
    const PAGE: &str = "新华网 2021:03:04.08:00:01\nآخر الأخبار\n\nالحكومة تعلن خطة جديدة للنقل العام (2)\n\n/مصدر: شينخوا/  2021:03:04.07:30\n\n    اطبع\nالحكومة تعلن خطة جديدة للنقل العام\n\nالقاهرة 3 مارس 2021 (شينخوا) أعلنت الحكومة المصرية اليوم (الأربعاء) خطة جديدة لتطوير شبكة النقل العام في العاصمة خلال السنوات الخمس المقبلة.\n\nوقال وزير النقل إن الخطة تشمل خطوط مترو جديدة وحافلات كهربائية في عدة محافظات.\n\n【1】【2】\n\nأخبار ساخنة\n\nروابط ذات العلاقة\n\nexample.news.cn@facebook example.news.cn@twitter\n×";

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in ["", " ", "one", " one  two\u{a0}three\u{3000}four ", "a\tb\nc\u{2009}d", "كلمة واحدة ثم اثنتان"] {
            let count = s.split_whitespace().count();
            for n in 0..6 {
                assert_eq!(more_words_than(s, n), count > n, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn metadata_comes_from_furniture_lines() {
        let a = extract_text(PAGE);
        assert_eq!(a.title.as_deref(), Some("الحكومة تعلن خطة جديدة للنقل العام"));
        assert_eq!(a.published.as_deref(), Some("2021-03-04T07:30"));
        assert_eq!(a.agency.as_deref(), Some("Xinhua"));
        assert_eq!(a.site.as_deref(), Some("Xinhuanet (example.news.cn)"));
        assert_eq!(a.page, Some(PageOf { number: 2, of: 2 }));
        let dl = a.dateline.unwrap();
        assert_eq!(dl.place.as_deref(), Some("القاهرة"));
        assert_eq!(dl.date.as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn body_is_the_story_and_nothing_else() {
        let a = extract_text(PAGE);
        assert!(a.text.starts_with("أعلنت الحكومة المصرية"), "{}", a.text);
        assert!(a.text.ends_with("في عدة محافظات."));
        assert_eq!(a.paragraphs.len(), 2);
        for furniture in ["اطبع", "أخبار ساخنة", "روابط", "【1】", "facebook", "×", "آخر الأخبار"] {
            assert!(!a.text.contains(furniture), "{furniture} left in body");
        }
    }

    #[test]
    fn furniture_paragraphs_in_html_bodies() {
        for p in ["READ MORE: An older story", "Photo: A. Photographer / Agency", "Write to A. Writer at a.writer@news.example", "By A. Writer", "Updated 10:00 GMT, March 3", "اقرأ أيضا: قصة أخرى", "Lire aussi : une autre histoire", "相关新闻", "Share this", "•"] {
            assert!(is_furniture_paragraph(p), "{p}");
        }
        assert!(is_promo_paragraph("Sign up for our daily newsletter and get the news first."));
        assert!(is_promo_paragraph("05/10/2021 - Publicado por: A. Writer - Categoria: Saúde"));
        assert!(!is_promo_paragraph("The ministry said the bond sale was heavily oversubscribed by foreign investors."));
        for p in ["By the end of the day, the delegations had agreed on a joint statement.", "Photographers gathered outside the palace as the delegations arrived on Wednesday morning for talks."] {
            assert!(!is_furniture_paragraph(p), "{p}");
        }
    }

    #[test]
    fn one_sentence_is_its_own_body() {
        let a = extract_text("Jordan and Britain agreed to hold joint exercises");
        assert_eq!(a.text, "Jordan and Britain agreed to hold joint exercises");
        assert_eq!(a.title, None);
    }

    #[test]
    fn english_page_with_share_lines() {
        let page = "Home\nShare\nTalks resume in Geneva\nGENEVA, March 3 (Reuters) - Delegations from both sides returned to the table on Wednesday after a week-long pause in the negotiations.\nRelated news\nPrint";
        let a = extract_text(page);
        assert_eq!(a.title.as_deref(), Some("Talks resume in Geneva"));
        assert!(a.text.starts_with("Delegations from both sides"));
        assert!(!a.text.contains("Related"));
        assert_eq!(a.agency.as_deref(), Some("Reuters"));
    }
}
