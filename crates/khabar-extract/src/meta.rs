//! News metadata from a parsed page: title, publication date, author, site, canonical URL and
//! language.
//!
//! Each field is gathered from every place publishers put it, then the most trusted source
//! wins:
//!
//! * **Published**: JSON-LD `datePublished` (article objects first), `article:published_time`
//!   and other meta names, `itemprop=datePublished` on any element, a `<time>`/`<abbr>` marked
//!   published, a date written after "Published", "Veröffentlicht am", "Posted on" …, the first
//!   `<time datetime>`, a date in the URL path, a date written in an element whose class says
//!   date ("entry-date", "post-meta") or near the headline; a modification date
//!   (`dateModified`, `article:modified_time`, "Updated …") only when the page gives no other.
//!   Dates inside comments, sidebars, teasers and related lists (`[skip]` in
//!   `lexicons/extract/metadata.txt`) are never read. A time stamp in UTC whose day is one off
//!   the day the page writes (its URL, its byline) gives way to the written day: that is the
//!   publisher's.
//! * **Author**: JSON-LD authors, `itemprop=author`, meta `author` (unless it names the site or
//!   the publisher), `rel=author` links and elements whose class says author or byline, bylines
//!   ("By …", "Von …", "Posted by …"); cleaned of those openings, of dates and of roles.
//! * **Title**: the page's `<h1>` when it is the headline that `og:title`/`<title>` give (most of
//!   its words are theirs), else `og:title`, JSON-LD `headline` or `<title>` without the site's
//!   name.

use std::collections::HashMap;
use std::sync::OnceLock;

use khabar_core::Article;
use khabar_time::Date;
use regex::{RegexSet, RegexSetBuilder};

use crate::dates::{self, Kind};
use crate::dom::{Data, Dom, Tag, NONE};

const LISTS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/extract/metadata.txt"));

struct Lists {
    /// `[skip]`, `[skip-card]`, `[date-class]`, `[author-class]`, `[skip-outside]`, as one set:
    /// one scan of a class string tells every list it matches.
    classes: RegexSet,
    byline: Vec<String>,
    not_author: Vec<String>,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let sections = crate::list_sections(LISTS);
        // class names are ASCII: ASCII-only case folding and word boundaries keep the automata small
        let alts = |name: &str| sections.get(name).map(|v| v.join("|")).unwrap_or_else(|| "$^".into());
        let mut byline: Vec<String> = sections.get("byline").cloned().unwrap_or_default().into_iter().map(|s| s.to_lowercase()).collect();
        byline.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Lists {
            classes: RegexSetBuilder::new(["skip", "skip-card", "date-class", "author-class", "skip-outside"].map(alts))
                .case_insensitive(true)
                .unicode(false)
                .build()
                .expect("metadata class regex"),
            byline,
            not_author: sections.get("not-author").cloned().unwrap_or_default().into_iter().map(|s| s.to_lowercase()).collect(),
        }
    })
}

const F_SKIP: u16 = 1;
const F_CARD: u16 = 2;
const F_DATE: u16 = 4;
const F_AUTHOR: u16 = 8;
/// A sidebar: set aside outside the article only.
const F_SIDE: u16 = 16;

/// A date found on the page, with how far it is trusted (lower is better).
#[derive(Debug, Clone)]
struct DateCand {
    rank: u8,
    stamp: String,
    day: Date,
    /// Written as the publisher's own day (URL, visible text, a stamp with a local offset).
    local: bool,
    /// Shown in the page's body: how many bytes of text came before it (for its distance to the
    /// headline).
    pos: Option<usize>,
    /// The rank the source gave before the headline's nearness raised it.
    was: u8,
    /// The element it was read from (for one shown in the page's body).
    node: u32,
}

/// Shown by the headline (just above it, or in the first lines below it): the day the reader
/// is told, which the page's stamps sometimes contradict (a re-saved page, a time zone).
const R_BY_HEADLINE: u8 = 0;
const R_LD: u8 = 0;
const R_META: u8 = 1;
const R_MARKED: u8 = 2;
const R_TEXT_PUBLISHED: u8 = 3;
const R_TIME: u8 = 4;
const R_URL: u8 = 5;
const R_TEXT: u8 = 6;
const R_NEAR_TITLE: u8 = 7;
const R_CREATED: u8 = 8;
const R_MODIFIED: u8 = 9;

fn cand(rank: u8, raw: &str) -> Option<DateCand> {
    let stamp = dates::normalize_stamp(raw)?;
    let day = khabar_time::parse_date(&stamp[..10.min(stamp.len())], None)?;
    // a day saved as a Central European midnight in UTC (`2022-11-06T23:00:00.000Z`) is the next day
    if dates::is_midnight_east_of_utc(&stamp) {
        let next = day.succ_opt()?;
        return Some(DateCand { rank, stamp: next.to_string(), day: next, local: true, pos: None, was: rank, node: NONE });
    }
    let local = !dates::is_utc_time(&stamp);
    Some(DateCand { rank, stamp, day, local, pos: None, was: rank, node: NONE })
}

fn text_cand(rank: u8, day: Date) -> DateCand {
    DateCand { rank, stamp: day.to_string(), day, local: true, pos: None, was: rank, node: NONE }
}

/// Title, dates, author, site, canonical URL and language of a page.
pub fn metadata(doc: &Dom) -> Article {
    let n = doc.nodes.len();
    let l = lists();
    let mut meta: HashMap<String, String> = HashMap::new();
    let mut canonical = None;
    let mut html_lang = None;
    let mut title_tag = None;
    let mut h1s: Vec<u32> = Vec::new();
    let mut subheads: Vec<u32> = Vec::new();
    let mut ld = Vec::new();
    let mut dates_found: Vec<DateCand> = Vec::new();
    let mut authors: Vec<(u8, String)> = Vec::new();
    // text length below each node (bytes), so that only small elements are read whole
    // and what headings are below it (1: an <h1>, 2: another heading)
    let mut tlen = vec![0u32; n];
    let mut heads = vec![0u8; n];
    let mut headings: Vec<u32> = Vec::new();
    for k in (1..n).rev() {
        match &doc.nodes[k].data {
            Data::Text(t) => tlen[k] = atrim(t).len() as u32,
            Data::Element(e) => match e.tag {
                Tag::H1 => {
                    heads[k] |= 1;
                    headings.push(k as u32);
                }
                Tag::H2 | Tag::H3 => {
                    heads[k] |= 2;
                    headings.push(k as u32);
                }
                Tag::H4 | Tag::H5 | Tag::H6 => heads[k] |= 2,
                _ => {}
            },
            Data::Document => {}
        }
        let p = doc.nodes[k].parent;
        if p != NONE {
            tlen[p as usize] = tlen[p as usize].saturating_add(tlen[k]);
            heads[p as usize] |= heads[k];
        }
    }
    // the headline: the first <h1> the head's title names, else the first <h2>/<h3> it names
    // (not an <h1> that is the site's logo); what holds it is never set aside (bit 4)
    let named = named_headline(doc, &headings, &tlen);
    if let Some(h) = named {
        let mut a = h;
        while a != NONE {
            heads[a as usize] |= 4;
            a = doc.nodes[a as usize].parent;
        }
    }
    // parts of the page that are not the article: comments, sidebars, teasers
    let mut skip = vec![false; n];
    let mut in_article = vec![false; n];
    // what the class hints say of each distinct "class id itemprop" string, matched once: every
    // list in one scan (a bit is only read where the element is of the kind that asks for it:
    // date and author for small elements, card for what holds a heading)
    let mut flag_cache: HashMap<String, u16, crate::FnvBuild> = HashMap::with_capacity_and_hasher(512, Default::default());
    let mut class_flags = |key: &str| -> u16 {
        if let Some(&f) = flag_cache.get(key) {
            return f;
        }
        let f = l.classes.matches(key).iter().fold(0u16, |f, i| f | 1 << i);
        flag_cache.insert(key.to_string(), f);
        f
    };
    let mut key = String::new();
    let (mut timed, mut classed, mut bylined) = (0, 0, 0);
    let mut textpos = 0usize;
    let mut head_pos: Vec<(u32, usize)> = Vec::new();
    let mut lang_en = false;
    for k in 1..n {
        let node = &doc.nodes[k];
        let p = node.parent;
        if p != NONE {
            skip[k] = skip[p as usize];
            in_article[k] = in_article[p as usize];
        }
        let e = match &node.data {
            Data::Text(t) => {
                if let Some(needle) = crate::content::trace_needle().filter(|w| t.contains(*w)) {
                    let mut a = k;
                    while a != 0 {
                        if let Some(e) = doc.nodes[a].element() {
                            eprintln!("meta trace {needle:?}: skip={} {:?}.{}#{}", skip[a], e.tag, e.attr("class").unwrap_or(""), e.attr("id").unwrap_or(""));
                        }
                        a = doc.nodes[a].parent as usize;
                    }
                }
                if !skip[k] && p != NONE && !matches!(doc.nodes[p as usize].tag(), Some(Tag::Script | Tag::Style | Tag::Title)) {
                    textpos += tlen[k] as usize;
                }
                continue;
            }
            Data::Element(e) => e,
            Data::Document => continue,
        };
        match e.tag {
            Tag::Meta => {
                let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop")).or_else(|| e.attr("http-equiv"));
                if let (Some(key), Some(v)) = (key, e.attr("content")) {
                    let v = v.trim();
                    if !v.is_empty() {
                        meta.entry(key.to_ascii_lowercase()).or_insert_with(|| v.to_string());
                    }
                }
                continue;
            }
            Tag::Link => {
                if canonical.is_none() && e.attr("rel").is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("canonical"))) {
                    canonical = e.attr("href").map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
                }
                continue;
            }
            Tag::Html => {
                html_lang = e.attr("lang").map(str::to_string);
                lang_en = html_lang.as_deref().is_some_and(|l| l.to_ascii_lowercase().starts_with("en"));
                continue;
            }
            Tag::Title => {
                if title_tag.is_none() {
                    title_tag = Some(doc.text_of(k as u32));
                }
                continue;
            }
            Tag::Script => {
                if e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) {
                    json_ld(&doc.text_of(k as u32), &mut ld);
                }
                continue;
            }
            _ => {}
        }
        // inside a comment, sidebar or teaser: nothing below is read
        if skip[k] {
            continue;
        }
        // most elements carry no attribute that says anything: only what their tag says counts
        if e.attrs.is_empty() && !matches!(e.tag, Tag::H1 | Tag::H2 | Tag::H3 | Tag::Time | Tag::Nav | Tag::Aside | Tag::Footer | Tag::Article) {
            continue;
        }
        key.clear();
        for (name, v) in &e.attrs {
            if matches!(*name, "class" | "id" | "itemprop") {
                // BEM's `article__info-item`: "__" parts a word like "-" does
                for (i, part) in v.split('_').enumerate() {
                    if i > 0 {
                        key.push('-');
                    }
                    key.push_str(part);
                }
                key.push(' ');
            }
        }
        // never the part holding the headline, nor a wrapper of most of the page (sites put
        // "has-sidebar" or "breadcrumbNavigation" on those)
        let small = tlen[k] <= 240;
        let flags = if key.is_empty() { 0 } else { class_flags(&key) };
        let wrapper = heads[k] & 5 != 0 || (tlen[k] as u64) * 2 >= tlen[0] as u64 || matches!(e.tag, Tag::Body | Tag::Html);
        let by_tag = e.tag == Tag::Nav || (matches!(e.tag, Tag::Footer | Tag::Aside) && !in_article[k]) || (e.tag == Tag::Article && in_article[k]);
        let by_class = flags & F_SKIP != 0 || flags & F_SIDE != 0 && !in_article[k] || heads[k] & 2 != 0 && flags & F_CARD != 0;
        if !wrapper && (by_tag || by_class) {
            skip[k] = true;
        }
        if e.tag == Tag::Article || e.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody")) {
            in_article[k] = true;
        }
        match e.tag {
            Tag::H1 if !skip[k] && h1s.len() < 4 => {
                h1s.push(k as u32);
                head_pos.push((k as u32, textpos));
            }
            Tag::H2 | Tag::H3 if !skip[k] && subheads.len() < 12 && tlen[k] <= 400 => {
                subheads.push(k as u32);
                head_pos.push((k as u32, textpos));
            }
            _ => {}
        }
        // microdata or RDFa ("schema:datePublished")
        let itemprop = e.attr("itemprop").or_else(|| if e.tag == Tag::Meta { None } else { e.attr("property") }).map(|p| p.rsplit([':', '/']).next().unwrap_or("").to_ascii_lowercase());
        if skip[k] {
            continue;
        }
        // dates
        let marked_pub = itemprop.as_deref().is_some_and(|p| p == "datepublished" || p == "datecreated");
        let marked_mod = itemprop.as_deref() == Some("datemodified");
        let class_has = |words: &[&str]| e.attr("class").is_some_and(|c| c.split([' ', '-', '_']).any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x))));
        let class_pub = matches!(e.tag, Tag::Abbr | Tag::Time) && class_has(&["published", "pubdate", "publish", "created"]);
        let stamp = e.attr("datetime").or_else(|| e.attr("content")).or_else(|| if matches!(e.tag, Tag::Abbr | Tag::Span | Tag::Time) { e.attr("title") } else { None });
        // (the first few of each kind: a page's later dates are lists of other stories)
        if (marked_pub || marked_mod || e.tag == Tag::Time || (class_pub && e.tag == Tag::Abbr)) && (marked_pub || timed < 4) {
            timed += 1;
            let text = if small { doc.text_of(k as u32) } else { String::new() };
            let found = stamp.and_then(|s| cand(R_TIME, s)).or_else(|| dates::find(&text, lang_en).map(|(d, _)| text_cand(R_TIME, d)));
            if let Some(mut c) = found {
                let class_mod = class_has(&["updated", "modified"]);
                let recent = text_before(doc, k, &skip);
                let kind = dates::kind_before(&recent, recent.len());
                c.rank = if marked_mod || class_mod || kind == Kind::Modified {
                    R_MODIFIED
                } else if marked_pub || class_pub || e.attr("pubdate").is_some() {
                    R_MARKED
                } else if kind == Kind::Published {
                    R_TEXT_PUBLISHED
                } else {
                    R_TIME
                };
                c.was = c.rank;
                c.pos = Some(textpos);
                c.node = k as u32;
                dates_found.push(c);
            }
        } else if small && tlen[k] >= 6 && flags & F_DATE != 0 && heads[k] & 3 == 0 && classed < 4 {
            classed += 1;
            let text = doc.text_of(k as u32);
            if let Some((d, at)) = dates::find(&text, lang_en) {
                let mut before = text_before(doc, k, &skip);
                before.push(' ');
                before.push_str(&text[..at]);
                let rank = match dates::kind_before(&before, before.len()) {
                    Kind::Published => R_TEXT_PUBLISHED,
                    Kind::Modified => R_MODIFIED,
                    Kind::Plain => R_TEXT,
                };
                let mut c = text_cand(rank, d);
                c.pos = Some(textpos);
                c.node = k as u32;
                dates_found.push(c);
            }
        }
        // authors
        if itemprop.as_deref() == Some("author") || itemprop.as_deref() == Some("creator") {
            let name = e.attr("content").map(str::to_string).or_else(|| item_name(doc, k as u32, &tlen)).or_else(|| small.then(|| spaced_text(doc, k as u32)));
            if let Some(a) = name.and_then(|a| clean_author(&a)) {
                authors.push((2, a));
            }
        } else if small && tlen[k] >= 2 {
            let rel_author = e.tag == Tag::A && e.attr("rel").is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("author")));
            let class_author = flags & F_AUTHOR != 0;
            if (rel_author || class_author) && bylined < 6 {
                bylined += 1;
                if let Some(a) = clean_author(&spaced_text(doc, k as u32)) {
                    authors.push((if rel_author { 4 } else { 5 }, a));
                }
            }
        }
    }
    let m = |names: &[&str]| names.iter().find_map(|n| meta.get(*n).cloned());
    let ld_str = |path: &[&str]| ld.iter().find_map(|v| ld_get(v, path));
    let mut article = Article::default();

    let site = m(&["og:site_name", "application-name", "twitter:site"])
        .or_else(|| ld_str(&["publisher", "name"]))
        .map(|s| s.trim_start_matches('@').to_string());
    article.url = canonical.or_else(|| m(&["og:url"]));

    // title
    let raw_title = m(&["og:title", "twitter:title"]).or_else(|| ld_str(&["headline"])).or(title_tag.clone());
    let h1_texts: Vec<String> = h1s.iter().map(|&k| squash(&doc.text_of(k))).filter(|t| !t.is_empty()).collect();
    article.title = pick_title(raw_title.as_deref(), title_tag.as_deref(), &h1_texts, site.as_deref());

    // published
    for (rank, names) in [
        (R_META, &["article:published_time", "og:published_time", "publication_date", "article:published", "date_published", "og:article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.date", "dc.date", "date", "article.published", "publicationdate", "citation_publication_date", "citation_date", "cxenseparse:recs:publishtime"][..]),
        (R_CREATED, &["datecreated", "dcterms.created", "dc.date.created"][..]),
        (R_MODIFIED, &["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "lastmod"][..]),
    ] {
        for name in names {
            if let Some(c) = meta.get(*name).and_then(|v| cand(rank, v)) {
                dates_found.push(c);
            }
        }
    }
    for (rank, key) in [(R_LD, "datePublished"), (R_CREATED, "dateCreated"), (R_CREATED, "uploadDate"), (R_MODIFIED, "dateModified")] {
        // article objects come first in `ld`: the first that has the key is the article's
        if let Some(c) = ld.iter().find_map(|v| ld_get(v, &[key])).and_then(|v| cand(rank, &v)) {
            dates_found.push(c);
        }
    }
    if let Some(d) = article.url.as_deref().and_then(url_date) {
        if let Some(c) = cand(R_URL, &d) {
            dates_found.push(c);
        }
    }
    if !dates_found.iter().any(|c| c.rank <= R_TEXT_PUBLISHED) {
        let (published, modified) = marked_text_date(doc, &skip, lang_en);
        if let Some(d) = published {
            dates_found.push(text_cand(R_TEXT_PUBLISHED, d));
        }
        // ("Letzte Änderung: 14.01.2022" as the only date the page writes)
        if let Some(d) = modified {
            dates_found.push(text_cand(R_MODIFIED, d));
        }
    }
    // the headline: the one the head's title names, else the first <h1>, else an <h2>/<h3>
    // that the head's title names
    let headline = named.filter(|&h| !skip[h as usize]).or_else(|| h1s.first().copied()).or_else(|| {
        let head: Vec<String> = raw_title.iter().chain(title_tag.iter()).flat_map(|t| words(t)).collect();
        subheads.iter().copied().find(|&k| {
            let w = words(&doc.text_of(k));
            !w.is_empty() && w.iter().filter(|x| head.contains(x)).count() * 3 >= w.len() * 2
        })
    });
    // a date shown just above the headline or in its first lines below (not a modification)
    if let Some(&(_, hp)) = headline.and_then(|h| head_pos.iter().find(|(k, _)| *k == h)) {
        let htext = headline.map_or(0, |h| tlen[h as usize] as usize);
        for c in dates_found.iter_mut() {
            if let Some(p) = c.pos {
                // above the headline, only in the headline's own box (a kicker), not the page's
                // header ("Mittwoch, 26.02.2020" by the site's logo)
                let above_ok = p >= hp || headline.is_some_and(|h| kin(doc, c.node, h, 2));
                if c.rank != R_MODIFIED && p + 200 >= hp && p <= hp + htext + 400 && above_ok {
                    c.was = c.rank;
                    c.rank = R_BY_HEADLINE;
                }
            }
        }
    }
    if !dates_found.iter().any(|c| c.rank <= R_TEXT) {
        if let Some(h) = headline {
            // (else by the first <h1>, when the headline is another)
            let first = h1s.first().copied().filter(|&f| f != h);
            if let Some(d) = date_near(doc, h, &skip, lang_en).or_else(|| first.and_then(|f| date_near(doc, f, &skip, lang_en))) {
                dates_found.push(text_cand(R_NEAR_TITLE, d));
            }
        }
    }
    if debug() {
        for c in &dates_found {
            eprintln!("meta date rank={} (source {}) {} local={} pos={:?}", c.rank, c.was, c.stamp, c.local, c.pos);
        }
        for (r, a) in &authors {
            eprintln!("meta author rank={r} {a}");
        }
    }
    article.published = pick_date(&dates_found);

    // author
    let publisher = ld_str(&["publisher", "name"]);
    let is_org = |a: &str| {
        let k = khabar_text::normalize(a);
        let named = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.is_empty() && (khabar_text::normalize(s) == k || k.contains(&khabar_text::normalize(s)) && s.len() >= 4));
        // a domain ("example.de"), not a user name with a dot ("Isabella.DiBiase")
        let domain = !a.contains(' ') && a.rsplit_once('.').is_some_and(|(_, tld)| (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase()));
        named(&site) || named(&publisher) || domain || a.starts_with('@')
    };
    let is_handle = |a: &str| {
        let domain = !a.contains(' ') && a.rsplit_once('.').is_some_and(|(_, tld)| (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase()));
        domain || a.starts_with('@')
    };
    if let Some(a) = ld.iter().find_map(|v| ld_author(v, &ld)) {
        if !is_org(&a) {
            authors.push((0, a));
        }
    }
    if let Some(a) = m(&["author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author"]) {
        if let Some(a) = clean_author(&a).filter(|a| !a.starts_with("http") && !is_org(a)) {
            authors.push((3, a));
        }
    }
    // the outlet's name in the author fields of JSON-LD and meta is the publisher; a name the page
    // itself marks as the author (itemprop, rel=author, a byline) is the author, even on a blog
    // named after its writer
    authors.retain(|(r, a)| !(is_handle(a) || matches!(*r, 0 | 3) && is_org(a)));
    if !authors.iter().any(|(r, _)| *r <= 5) {
        if let Some(a) = byline_near(doc, headline, &skip).or_else(|| labelled_name(doc, &skip)) {
            authors.push((6, a));
        }
    }
    authors.sort_by_key(|(r, _)| *r);
    // co-authors: several names of the best kind (itemprop=author, rel=author) are all the article's
    article.author = authors.first().map(|(best, first)| {
        let mut names = vec![first.clone()];
        if matches!(*best, 2 | 4) {
            for (_, a) in authors.iter().filter(|(r, _)| r == best).skip(1) {
                if names.len() < 4 && !names.iter().any(|n| n.eq_ignore_ascii_case(a)) {
                    names.push(a.clone());
                }
            }
        }
        names.join("; ")
    });

    article.lang = html_lang
        .or_else(|| m(&["content-language", "og:locale", "language", "dc.language"]))
        .map(|l| l.trim().split(['-', '_', ',']).next().unwrap_or("").to_ascii_lowercase())
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    article.site = site;
    article
}

/// Do `a` and `b` share an ancestor at most `up` levels above each (not `<body>` or `<html>`:
/// everything shares those)?
fn kin(doc: &Dom, a: u32, b: u32, up: usize) -> bool {
    if a == NONE || b == NONE {
        return false;
    }
    let mut mine = Vec::with_capacity(up + 1);
    let mut x = b;
    for _ in 0..=up {
        if x == NONE || matches!(doc.nodes[x as usize].tag(), Some(Tag::Body | Tag::Html) | None) {
            break;
        }
        mine.push(x);
        x = doc.nodes[x as usize].parent;
    }
    let mut y = a;
    for _ in 0..=up {
        if y == NONE {
            return false;
        }
        if mine.contains(&y) {
            return true;
        }
        y = doc.nodes[y as usize].parent;
    }
    false
}

/// The headline among the page's first <h1>, <h2> and <h3> (`headings`, in reverse document
/// order): the first <h1> whose words are mostly the head's title's (`og:title`,
/// `twitter:title`, `<title>`, without the site's name), else the first <h2>/<h3> whose words
/// are two-thirds the title's.
fn named_headline(doc: &Dom, headings: &[u32], tlen: &[u32]) -> Option<u32> {
    let (mut titles, mut site) = (Vec::new(), None);
    for node in doc.nodes.iter().take(4000) {
        let Some(e) = node.element() else { continue };
        match e.tag {
            Tag::Body => break,
            Tag::Meta => match e.attr("property").or_else(|| e.attr("name")).map(str::to_ascii_lowercase).as_deref() {
                Some("og:title" | "twitter:title") => titles.extend(e.attr("content").map(squash)),
                Some("og:site_name") => site = e.attr("content").map(str::to_string),
                _ => {}
            },
            _ => {}
        }
    }
    if let Some(t) = doc.nodes.iter().take(4000).position(|n| n.tag() == Some(Tag::Title)) {
        titles.push(squash(&doc.text_of(t as u32)));
    }
    let head: Vec<String> = titles.iter().flat_map(|t| words(&strip_site_suffix(t, site.as_deref(), None))).collect();
    if head.is_empty() {
        return None;
    }
    let mut sub = None;
    for &k in headings.iter().rev().take(48) {
        if tlen[k as usize] > 400 {
            continue;
        }
        let w = words(&doc.text_of(k));
        let shared = w.iter().filter(|x| head.contains(x)).count();
        let h1 = doc.nodes[k as usize].tag() == Some(Tag::H1);
        if h1 && !w.is_empty() && shared * 2 > w.len() && (w.len() >= 2 || shared == w.len()) {
            return Some(k);
        }
        if !h1 && sub.is_none() && !w.is_empty() && shared * 3 >= w.len() * 2 {
            sub = Some(k);
        }
    }
    sub
}

/// `str::trim` for the ASCII whitespace pages indent with, a byte at a time (most text nodes of
/// a page are runs of indentation).
fn atrim(t: &str) -> &str {
    let b = t.as_bytes();
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |e| e + 1);
    &t[start..end.max(start)]
}

fn debug() -> bool {
    static D: OnceLock<bool> = OnceLock::new();
    *D.get_or_init(|| std::env::var_os("KHABAR_EXTRACT_DEBUG").is_some())
}

fn words(s: &str) -> Vec<String> {
    khabar_text::normalize(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The text below a node with a space between text nodes ("Author<a>Jane Roe</a>" reads
/// "Author Jane Roe").
fn spaced_text(doc: &Dom, n: u32) -> String {
    let mut out = String::new();
    for node in doc.subtree(n) {
        if let Data::Text(t) = &node.data {
            out.push_str(t);
            out.push(' ');
        }
    }
    out
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The best-ranked date; a UTC stamp gives way to a day the page writes one day off it.
fn pick_date(found: &[DateCand]) -> Option<String> {
    let top = found.iter().map(|c| c.rank).min()?;
    // best-ranked candidates that disagree (a header's "today" by the headline, a stamp): the
    // day more kinds of source give (the URL, JSON-LD, meta, the byline, even as a modification:
    // a page shown as modified on the day its byline says) wins, else the first
    let support = |d: Date| {
        let mut kinds: Vec<u8> = found.iter().filter(|c| c.day == d).map(|c| c.was).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds.len()
    };
    let mut best: Option<(&DateCand, usize)> = None;
    for c in found.iter().filter(|c| c.rank == top) {
        if best.is_some_and(|(b, _)| b.day == c.day) {
            continue;
        }
        let n = support(c.day);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((c, n));
        }
    }
    let (best, _) = best?;
    if !best.local {
        if let Some(local) = found.iter().filter(|c| c.local && c.rank <= R_NEAR_TITLE).find(|c| (c.day - best.day).num_days().abs() == 1) {
            return Some(local.day.to_string());
        }
    }
    Some(best.stamp.clone())
}

/// The last few dozen characters of text before node `k` (not in scripts, comments or
/// sidebars): where a date's label is written ("Veröffentlicht am", "Updated").
fn text_before(doc: &Dom, k: usize, skip: &[bool]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut len = 0;
    for j in (1..k).rev().take(64) {
        if let Data::Text(t) = &doc.nodes[j].data {
            let t = atrim(t);
            if t.is_empty() || skip[j] || matches!(doc.nodes[doc.nodes[j].parent as usize].tag(), Some(Tag::Script | Tag::Style | Tag::Title)) {
                continue;
            }
            parts.push(t);
            len += t.len();
            if len >= 48 {
                break;
            }
        }
    }
    let mut out = String::with_capacity(len + parts.len());
    for p in parts.iter().rev() {
        out.push(' ');
        out.push_str(p);
    }
    out
}

/// The text of an `itemprop=name` below an `itemprop=author` element.
fn item_name(doc: &Dom, k: u32, tlen: &[u32]) -> Option<String> {
    let mut stack: Vec<u32> = doc.children(k).collect();
    let mut budget = 64;
    while let Some(c) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        if let Some(e) = doc.nodes[c as usize].element() {
            if e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("name")) {
                return e.attr("content").map(str::to_string).or_else(|| (tlen[c as usize] <= 200).then(|| doc.text_of(c)));
            }
            stack.extend(doc.children(c));
        }
    }
    None
}

/// A name as bylines write it, cleaned: "By A. Writer", "Von Moritz Wichmann", "Posted by
/// gizzmo on 3 May 2020", "Redaktion: Eberhard Fuhr", "A. Writer, Staff Reporter" → the name.
/// None when what is left does not read as a name.
pub fn clean_author(raw: &str) -> Option<String> {
    let l = lists();
    let mut s = squash(raw);
    // prefixes, repeatedly ("Posted by: …")
    loop {
        let lower = s.to_lowercase();
        let Some(p) = l.byline.iter().find(|p| {
            lower.starts_with(p.as_str()) && lower[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric() || p.ends_with(':'))
        }) else {
            break;
        };
        // (lower-casing can change a character's length: never cut inside one)
        let Some(rest) = s.get(p.len()..) else { break };
        s = rest.trim_start_matches([':', ' ', '-', '–', '|']).to_string();
    }
    // a label before a colon is not the name ("Text und Interview: Harald Willenbrock")
    if let Some((label, rest)) = s.rsplit_once(": ") {
        if label.split_whitespace().count() <= 4 && !rest.trim().is_empty() {
            s = rest.trim().to_string();
        }
    }
    // a date, a time, or a separator ends the name; a date before it is dropped
    // ("11.12.2019 - Amelie Loevenich")
    if let Some((_, at)) = dates::find(&s, false) {
        if at == 0 {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '/' | ':' | ' ' | ','));
            match rest.strip_prefix(['-', '|', '–', '•', '·']) {
                Some(r) => s = r.trim().to_string(),
                None => s.clear(),
            }
        } else {
            s.truncate(at);
        }
    }
    for sep in [" | ", " • ", " · ", " / ", "|", "•", "·", " - ", " – ", " — ", "\u{a0}", " am ", " on ", " le ", " el ", " il ", " um ", " at ", " in ", ", ", " @"] {
        if let Some(i) = s.find(sep) {
            if i > 0 {
                s.truncate(i);
            }
        }
    }
    let mut s = s.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')').trim_end_matches(',').trim().to_string();
    // a full stop ends a sentence, not an initial or "Jr."
    if s.ends_with('.') && s.rsplit(' ').next().is_some_and(|w| w.chars().count() > 4) {
        s.pop();
    }
    let lower = s.to_lowercase();
    let words = s.split_whitespace().count();
    if s.is_empty() || s.chars().count() > 60 || words > 6 || !s.chars().any(char::is_alphabetic) || s.contains("http") || s.contains('@') && s.contains('.') {
        return None;
    }
    // what is left is a date's label ("Publiziert am", "Stand") or a count ("vor 5 Stunden")
    let first = lower.split_whitespace().next().unwrap_or("");
    if dates::is_marker(first) || s.split_whitespace().any(|w| w.chars().all(|c| c.is_ascii_digit() || c == ':')) || matches!(first, "am" | "on" | "in" | "le" | "el" | "stand" | "datum" | "date") {
        return None;
    }
    if l.not_author.iter().any(|w| lower == *w || lower.starts_with(w.as_str()) && w.ends_with('@')) {
        return None;
    }
    // a lone byline word ("By", "Autor") is not a name
    if l.byline.iter().any(|p| lower == p.trim_end_matches(':')) {
        return None;
    }
    Some(s)
}

/// A name after a byline label standing alone ("<span>Von:</span> <span>Wolfgang Muster</span>",
/// "<h4>Autor</h4><p>Nikolai Muster</p>"), anywhere outside comments and sidebars.
fn labelled_name(doc: &Dom, skip: &[bool]) -> Option<String> {
    let l = lists();
    let mut label = false;
    for (k, node) in doc.nodes.iter().enumerate() {
        let Data::Text(t) = &node.data else { continue };
        let t = atrim(t);
        if t.is_empty() || skip[k] || matches!(doc.nodes[node.parent as usize].tag(), Some(Tag::Script | Tag::Style | Tag::Title)) {
            continue;
        }
        if label {
            return clean_author(t);
        }
        if t.len() <= 24 {
            let lower = t.to_lowercase();
            let bare = lower.trim_end_matches([':', ' ', '：', '|']).trim_start_matches(['|', ' ']);
            // a short word ("von", "by") is a label only with its colon ("Von:")
            let colon = lower.trim_end().ends_with([':', '：']);
            label = l.byline.iter().any(|p| p.trim_end_matches(':') == bare) && (colon || !matches!(bare, "von" | "by" | "di" | "af" | "av" | "od" | "par" | "por" | "door" | "vom"));
        }
    }
    None
}

/// A byline in the few hundred characters around the headline: a short text opening with
/// "By", "Von", "Posted by" … .
fn byline_near(doc: &Dom, h1: Option<u32>, skip: &[bool]) -> Option<String> {
    let l = lists();
    let h1 = h1? as usize;
    let mut seen = 0usize;
    for (k, node) in doc.nodes.iter().enumerate().skip(h1 + 1) {
        if let Data::Text(t) = &node.data {
            let t = atrim(t);
            seen += t.len();
            if seen > 800 {
                break;
            }
            if skip[k] || t.is_empty() || t.len() > 120 {
                continue;
            }
            let lower = t.to_lowercase();
            let opens = l.byline.iter().any(|p| lower.starts_with(p.as_str()) && (lower.len() == p.len() || lower[p.len()..].starts_with([' ', ':', '：'])))
                || dates::find(t, false).is_some_and(|(_, at)| at == 0) && t.split_whitespace().count() <= 8 && t.contains(" - ");
            if opens {
                // "By <a>Name</a>": the name may be the next text
                let mut text = t.to_string();
                if let Some(next) = doc.nodes[k + 1..].iter().take(6).find_map(|n| match &n.data {
                    Data::Text(x) if !x.trim().is_empty() => Some(x.trim().to_string()),
                    _ => None,
                }) {
                    if clean_author(&text).is_none() {
                        text.push(' ');
                        text.push_str(&next);
                    }
                }
                if let Some(a) = clean_author(&text) {
                    return Some(a);
                }
            }
        }
    }
    None
}

/// Chooses the headline: the `<h1>` when the head's title names it (most of its words are in
/// `og:title` or `<title>`), else the head's title without the site's name.
fn pick_title(raw: Option<&str>, title_tag: Option<&str>, h1s: &[String], site: Option<&str>) -> Option<String> {
    let raw = raw.map(squash);
    let tag = title_tag.map(squash);
    // the head's titles without the site's name: an <h1> that is only the site's name (a logo)
    // shares nothing with them
    let h1 = h1s.first().map(String::as_str);
    let head_words: Vec<String> = raw.iter().chain(tag.iter()).flat_map(|s| words(&strip_site_suffix(s, site, None))).collect();
    let best_h1 = h1s
        .iter()
        .filter(|h| h.chars().count() <= 300)
        .map(|h| {
            let w = words(h);
            let shared = w.iter().filter(|x| head_words.contains(x)).count();
            (h, w.len(), shared)
        })
        .filter(|(_, n, shared)| *n > 0 && *shared * 2 > *n && (*n >= 2 || *shared == *n))
        .max_by_key(|(_, n, shared)| (*shared, std::cmp::Reverse(*n)));
    if let Some((h, _, _)) = best_h1 {
        return Some(h.to_string());
    }
    raw.map(|t| strip_site_suffix(&t, site, h1)).filter(|t| !t.is_empty())
}

pub(crate) fn json_ld(text: &str, out: &mut Vec<serde_json::Value>) {
    let t = text.trim();
    let t = t.strip_prefix("<!--").unwrap_or(t).trim_end_matches("-->").trim();
    let t = t.strip_prefix("//<![CDATA[").unwrap_or(t).trim_end_matches("//]]>").trim();
    let Ok(v) = serde_json::from_str::<serde_json::Value>(t) else { return };
    let mut stack = vec![v];
    let mut budget = 10_000;
    let mut articles = 0;
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
                if let Some(main) = o.get("mainEntity").or_else(|| o.get("mainEntityOfPage")).filter(|m| m.is_object()).cloned() {
                    stack.push(main);
                }
                // articles first: a page's JSON-LD also describes the site, breadcrumbs, videos
                let is_article = o.get("@type").is_some_and(|t| {
                    let s = t.to_string();
                    s.contains("Article") || s.contains("Posting") || s.contains("Report") || s.contains("Story") || s.contains("BlogPost")
                });
                if is_article {
                    out.insert(articles, serde_json::Value::Object(o));
                    articles += 1;
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

fn ld_author(v: &serde_json::Value, all: &[serde_json::Value]) -> Option<String> {
    let a = v.get("author").or_else(|| v.get("creator"))?;
    let one = |x: &serde_json::Value| match x {
        serde_json::Value::String(s) => Some(s.clone()),
        // a reference to a Person described elsewhere in the graph (`{"@id": …}`)
        serde_json::Value::Object(o) if !o.contains_key("name") => {
            let id = o.get("@id")?.as_str()?;
            all.iter().find(|p| p.get("@id").and_then(|i| i.as_str()) == Some(id)).and_then(|p| p.get("name")).and_then(|n| n.as_str()).map(str::to_string)
        }
        serde_json::Value::Object(_) => x.get("name").and_then(|n| match n {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Array(a) => a.first().and_then(|s| s.as_str()).map(str::to_string),
            _ => None,
        }),
        _ => None,
    };
    let names: Vec<String> = match a {
        serde_json::Value::Array(xs) => xs.iter().filter_map(one).collect(),
        x => one(x).into_iter().collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for n in names.iter().filter_map(|n| clean_author(n)) {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    (!out.is_empty()).then(|| out.join("; "))
}

/// A date in a URL path: `/2019/11/18/`, `/2019-11-18-…`, `/20191118/`.
pub(crate) fn url_date(url: &str) -> Option<String> {
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

/// The first short text of the page (not in a comment or sidebar) where a date follows
/// "Published", "Veröffentlicht am", "Posted on" …, and the first after "Updated",
/// "Letzte Änderung" … before it.
fn marked_text_date(doc: &Dom, skip: &[bool], us: bool) -> (Option<Date>, Option<Date>) {
    let mut prev = "";
    let mut modified = None;
    for (k, node) in doc.nodes.iter().enumerate() {
        let Data::Text(t) = &node.data else { continue };
        let t = atrim(t);
        if skip[k] || t.is_empty() || matches!(doc.nodes[node.parent as usize].tag(), Some(Tag::Script | Tag::Style | Tag::Title)) {
            continue;
        }
        if t.len() >= 8 && t.len() <= 200 && t.bytes().any(|c| c.is_ascii_digit()) {
            if let Some((d, at)) = dates::find(t, us) {
                // the marker in this text, or a label just before it ("<span>Datum:</span> <span>18.10.2021</span>")
                let before = if at == 0 && prev.len() <= 40 { format!("{prev} ") } else { t[..at].to_string() };
                match dates::kind_before(&before, before.len()) {
                    Kind::Published => return (Some(d), modified),
                    Kind::Modified if modified.is_none() => modified = Some(d),
                    _ => {}
                }
            }
        }
        prev = t;
    }
    (None, modified)
}

/// A date written in the few hundred characters after the headline (a byline's "March 3, 2021"),
/// else just above it.
fn date_near(doc: &Dom, h1: u32, skip: &[bool], us: bool) -> Option<Date> {
    let mut seen = 0usize;
    for (k, node) in doc.nodes.iter().enumerate().skip(h1 as usize + 1) {
        if let Data::Text(t) = &node.data {
            let t = atrim(t);
            if !skip[k] && !t.is_empty() && t.bytes().any(|c| c.is_ascii_digit()) {
                // a short line ("31.10.23" in a byline), or a paragraph that opens with its date
                // ("27.1.2022 - Bei der …")
                let short = t.len() <= 200;
                let mut head = t.len().min(24);
                while !t.is_char_boundary(head) {
                    head -= 1;
                }
                let found = if short { dates::find(t, us) } else { dates::find(&t[..head], us).filter(|&(_, at)| at == 0) };
                if let Some((d, _)) = found.or_else(|| if t.len() <= 48 { dates::find_short_year(t) } else { None }) {
                    return Some(d);
                }
            }
            seen += t.len();
            if seen > 600 {
                break;
            }
        }
    }
    // a kicker above the headline ("31.01.2022 · 2. Liga")
    let mut seen = 0usize;
    for k in (1..h1 as usize).rev().take(40) {
        if let Data::Text(t) = &doc.nodes[k].data {
            let t = atrim(t);
            if t.is_empty() || matches!(doc.nodes[doc.nodes[k].parent as usize].tag(), Some(Tag::Script | Tag::Style | Tag::Title)) {
                continue;
            }
            if !skip[k] && t.len() <= 120 {
                if let Some((d, _)) = dates::find(t, us) {
                    return Some(d);
                }
            }
            seen += t.len();
            if seen > 150 {
                break;
            }
        }
    }
    None
}

/// "Talks resume - Example News" → "Talks resume" when the suffix is the site, or when one side
/// of the separator is the page's `<h1>`, or the other side is short and the headline is not.
pub(crate) fn strip_site_suffix(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    if let Some(h) = h1 {
        if title.starts_with(h) && h.split_whitespace().count() >= 3 {
            return h.to_string();
        }
    }
    for sep in [" | ", " - ", " — ", " – ", " :: ", " « ", " » ", " : ", " · ", " // "] {
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

    #[test]
    fn author_names_cleaned() {
        assert_eq!(clean_author("By A. Writer").as_deref(), Some("A. Writer"));
        assert_eq!(clean_author("Von Moritz Wichmann").as_deref(), Some("Moritz Wichmann"));
        assert_eq!(clean_author("Posted by gizzmo on 3 May 2020").as_deref(), Some("gizzmo"));
        assert_eq!(clean_author("Redaktion: Eberhard Fuhr").as_deref(), Some("Eberhard Fuhr"));
        assert_eq!(clean_author("Erstellt von Fabian am Dienstag 6. Mai 2014").as_deref(), Some("Fabian"));
        assert_eq!(clean_author("Jane Roe, Staff Reporter").as_deref(), Some("Jane Roe"));
        assert_eq!(clean_author("par Marie Merlet | 3 février 2019").as_deref(), Some("Marie Merlet"));
        assert_eq!(clean_author("By"), None);
        // characters whose lower case is longer or shorter never make a cut fall inside one
        assert_eq!(clean_author("\u{212A}By Jane Roe").as_deref(), Some("\u{212A}By Jane Roe"));
        let _ = clean_author("İİİ von Hans");
        assert_eq!(clean_author("https://example.org/people/x"), None);
        assert_eq!(clean_author("This is a whole sentence that goes on and on about things"), None);
    }

    #[test]
    fn utc_stamp_gives_way_to_written_day() {
        let found = vec![cand(R_META, "2020-02-25T02:25:54Z").unwrap(), cand(R_URL, "2020-02-24").unwrap()];
        assert_eq!(pick_date(&found).as_deref(), Some("2020-02-24"));
        let found = vec![cand(R_META, "2020-02-25T02:25:54-05:00").unwrap(), cand(R_URL, "2020-02-24").unwrap()];
        assert_eq!(pick_date(&found).as_deref(), Some("2020-02-25T02:25:54-05:00"));
    }
}
