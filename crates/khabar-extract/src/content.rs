//! Main-content extraction over a [`Dom`]: which blocks of a page are the article.
//!
//! The method is readability's, tuned and made linear:
//! 1. Page chrome is set aside by tag (`nav`, `aside`, `footer`, scripts, forms controls…),
//!    by hidden-ness, by ARIA role and by class/id hints ("sidebar", "related", "share" … unless
//!    the same hints also say "article"/"content"). Hints live in
//!    `lexicons/extract/class-hints.txt`.
//! 2. Every paragraph-like block with 25+ characters of its own text scores
//!    `1 + commas + min(len/100, 3)`, given to its parent in full, its grandparent by half and
//!    further ancestors by `1/(3·level)`; each candidate also starts from a tag prior and a ±25
//!    class/id weight, and its final score is damped by its link density.
//! 3. The best candidate is widened to a common ancestor when several near-best candidates
//!    share one, or to a parent that scores better, then joined by siblings that score well or
//!    read like prose.
//! 4. Inside what was kept, lists, tables, `div`s and forms that look like link farms, image
//!    strips or widgets are dropped ("conditional cleaning"), as are share boxes and headings
//!    with a bad class.
//!
//! Statistics for every node are computed in one reverse pass over the arena, so the whole
//! thing is a few linear passes.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::RegexSet;

use crate::dom::{Data, Dom, Tag, NONE};

const HINTS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lexicons/extract/class-hints.txt"));

/// The hint sections, in the order of the patterns of [`hints`].
const SECTIONS: [&str; 5] = ["unlikely", "maybe", "positive", "negative", "share"];
const UNLIKELY: usize = 0;
const MAYBE: usize = 1;
const POSITIVE: usize = 2;
const NEGATIVE: usize = 3;
const SHARE: usize = 4;

/// Loads the class/id hint lists (`[section]` headers, one alternative a line) as one set:
/// a single scan of a class name tells every section it matches.
fn hints() -> &'static RegexSet {
    static H: OnceLock<RegexSet> = OnceLock::new();
    H.get_or_init(|| {
        let sections = crate::list_sections(HINTS);
        let alts = SECTIONS.map(|name| sections.get(name).map(|v| v.join("|")).unwrap_or_else(|| "$^".into()));
        // class names are ASCII: ASCII-only case folding and word boundaries keep the automaton small
        regex::RegexSetBuilder::new(alts).case_insensitive(true).unicode(false).build().expect("class hint regex")
    })
}

#[derive(Clone, Copy, Default)]
struct ClassInfo {
    weight: i32,
    unlikely: bool,
    share: bool,
}

/// What the hints say of one class-and-id string; `split` is scratch space kept between calls.
fn class_info(cache: &mut HashMap<String, ClassInfo, crate::FnvBuild>, split: &mut String, original: &str) -> ClassInfo {
    let key = original;
    if key.trim().is_empty() {
        return ClassInfo::default();
    }
    if let Some(c) = cache.get(key) {
        return *c;
    }
    let h = hints();
    // camelCase words are words: "pageRow" is "page-row", not a "pager"
    split.clear();
    let mut prev_lower = false;
    if key.is_ascii() {
        // (the usual case: the same as below, without Unicode case tables)
        for &c in key.as_bytes() {
            if c.is_ascii_uppercase() && prev_lower {
                split.push('-');
            }
            prev_lower = c.is_ascii_lowercase();
            split.push(c.to_ascii_lowercase() as char);
        }
    } else {
        for c in key.chars() {
            if c.is_uppercase() && prev_lower {
                split.push('-');
            }
            prev_lower = c.is_lowercase();
            split.extend(c.to_lowercase());
        }
    }
    let key = split.as_str();
    let m = h.matches(key);
    let mut weight = 0;
    if m.matched(NEGATIVE) {
        weight -= 25;
    }
    if m.matched(POSITIVE) {
        weight += 25;
    }
    let info = ClassInfo {
        weight,
        unlikely: m.matched(UNLIKELY) && !m.matched(MAYBE),
        share: m.matched(SHARE),
    };
    cache.insert(original.to_string(), info);
    info
}

/// Per-node statistics.
#[derive(Clone, Copy, Default)]
struct Stat {
    /// Non-space characters of text below.
    text: u32,
    /// Of which inside links.
    link: u32,
    /// Own text: in text children and inline children, not in block children.
    own: u32,
    own_link: u32,
    own_commas: u32,
    commas: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
    has_block: bool,
    /// A `<blockquote>` is below.
    quote: bool,
}

/// Which of the heuristics a pass uses; a pass that finds too little text is retried with
/// fewer, as readability does.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean: bool,
}

/// The least text (non-space characters) a first pass must find before it is trusted.
const MIN_TEXT: usize = 250;

/// The article's paragraphs, in order.
pub fn main_paragraphs(dom: &Dom) -> Vec<String> {
    let mut best: Vec<String> = Vec::new();
    let mut best_len = 0;
    for flags in [
        Flags { strip_unlikely: true, weight_classes: true, clean: true },
        Flags { strip_unlikely: false, weight_classes: true, clean: true },
        Flags { strip_unlikely: false, weight_classes: false, clean: true },
        Flags { strip_unlikely: false, weight_classes: false, clean: false },
    ] {
        let paras = extract_pass(dom, flags);
        let len: usize = paras.iter().map(|p| text_counts(p).0 as usize).sum();
        if len >= MIN_TEXT {
            return paras;
        }
        if len > best_len {
            best_len = len;
            best = paras;
        }
    }
    best
}

fn extract_pass(dom: &Dom, flags: Flags) -> Vec<String> {
    let n = dom.nodes.len();
    if n <= 1 {
        return Vec::new();
    }
    let mut cache = HashMap::default();
    let (mut split, mut scratch) = (String::new(), String::new());
    // 1. what is set aside, and class weights (parents come before children): first what tags,
    // hidden-ness and roles say, then class hints, which never set aside most of the page
    let mut hard = vec![false; n];
    let mut unlikely = vec![false; n];
    let mut weight = vec![0i32; n];
    let mut share = vec![false; n];
    // inside an <article>; an <article> inside another is a teaser or a comment (HTML's own
    // reading of nested articles): it scores less, and its paragraphs do not lift what holds it
    let mut in_article = vec![false; n];
    let mut nested_article = vec![false; n];
    // the nearest <article> above each node
    let mut article_of = vec![NONE; n];
    for k in 1..n {
        let node = &dom.nodes[k];
        if node.parent != NONE && node.parent != 0 {
            let p = node.parent as usize;
            in_article[k] = in_article[p] || dom.nodes[p].tag() == Some(Tag::Article);
            article_of[k] = if dom.nodes[p].tag() == Some(Tag::Article) { p as u32 } else { article_of[p] };
        }
        nested_article[k] = in_article[k] && node.tag() == Some(Tag::Article);
        let parent_removed = node.parent != NONE && hard[node.parent as usize];
        let Data::Element(e) = &node.data else {
            hard[k] = parent_removed;
            continue;
        };
        if parent_removed {
            hard[k] = true;
            continue;
        }
        // (borrowed when the element has a class or an id but not both, the usual case)
        let key: std::borrow::Cow<'_, str> = match (e.attr("class"), e.attr("id")) {
            (None, None) => "".into(),
            (Some(c), None) => c.into(),
            (None, Some(i)) => format!(" {i}").into(),
            (Some(c), Some(i)) => format!("{c} {i}").into(),
        };
        let info = class_info(&mut cache, &mut split, &key);
        if flags.weight_classes {
            weight[k] = info.weight - if nested_article[k] { 25 } else { 0 };
        }
        share[k] = info.share;
        use Tag::*;
        let by_tag = matches!(
            e.tag,
            Script | Style | Noscript | Template | Svg | Math | Iframe | Object | Embed | Canvas | Video | Audio
                | Select | Option | Button | Input | Textarea | Nav | Head | Title | Meta | Link | Dialog | Map
                | Frame | Frameset | Noembed | Noframes | Aside | Footer | Label | Figure | Figcaption | Picture
        );
        let hidden = e.attr("hidden").is_some()
            || e.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || e.attr("style").is_some_and(|s| {
                // (lower case without spaces, in the scratch string)
                scratch.clear();
                scratch.extend(s.chars().filter(|&c| c != ' ').map(|c| c.to_ascii_lowercase()));
                scratch.contains("display:none") || scratch.contains("visibility:hidden")
            });
        let bad_role = e.attr("role").is_some_and(|r| {
            ["navigation", "menu", "menubar", "complementary", "alert", "alertdialog", "dialog", "search", "contentinfo", "banner"].iter().any(|w| r.eq_ignore_ascii_case(w))
        });
        let structural = matches!(e.tag, Html | Body | Article | Main);
        unlikely[k] = flags.strip_unlikely && info.unlikely && !structural && e.tag != A;
        hard[k] = by_tag || hidden || bad_role;
    }
    // text below each node, counting only what tags and hidden-ness keep, and whether an
    // article or main element (not itself hinted away) is below it
    let mut raw = vec![0u32; n];
    // (commas of each text node, counted with its characters in the same pass)
    let mut commas = vec![0u32; n];
    let mut holds_article = vec![false; n];
    let mut holds_quote = vec![false; n];
    for k in (1..n).rev() {
        if hard[k] {
            continue;
        }
        match &dom.nodes[k].data {
            Data::Text(t) => (raw[k], commas[k]) = text_counts(t),
            Data::Element(e) => {
                // (an <h1>: the story's headline is in the part of the page that holds most of its text)
                let main = matches!(e.tag, Tag::Article | Tag::Main | Tag::H1) || e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
                if main && !unlikely[k] {
                    holds_article[k] = true;
                }
                holds_quote[k] |= e.tag == Tag::Blockquote;
            }
            Data::Document => {}
        }
        let p = dom.nodes[k].parent;
        if p != NONE {
            raw[p as usize] += raw[k];
            holds_article[p as usize] |= holds_article[k];
            holds_quote[p as usize] |= holds_quote[k];
        }
    }
    let total = raw[0].max(1);
    let mut removed = hard;
    for k in 1..n {
        let p = dom.nodes[k].parent;
        if p != NONE && removed[p as usize] {
            removed[k] = true;
        } else if unlikely[k]
            && ((raw[k] as f64) < 0.6 * total as f64 || !holds_article[k])
            && !(holds_quote[k] && raw[k] < 2000)
            && !(article_of[k] != NONE && raw[k] as f64 >= 0.6 * raw[article_of[k] as usize] as f64 && raw[k] >= 500)
        {
            // (a small box holding a quotation is an embedded post or tweet the story quotes; a
            // layout box holding most of an <article>'s text, "c-fixed-sidebar-layout", is the
            // article)
            removed[k] = true;
        }
    }

    if let Some(needle) = trace_needle() {
        if let Some(k) = (0..n).find(|&k| matches!(&dom.nodes[k].data, Data::Text(t) if t.contains(needle)) && dom.nodes[dom.nodes[k].parent as usize].tag() != Some(Tag::Script)) {
            let mut a = k;
            while a != 0 {
                eprintln!("trace removed={} {}", removed[a], describe(dom, a).split(" < ").next().unwrap_or(""));
                a = dom.nodes[a].parent as usize;
            }
        }
    }
    // 2. statistics, children before parents
    let mut st = vec![Stat::default(); n];
    for k in (1..n).rev() {
        if removed[k] {
            continue;
        }
        let node = &dom.nodes[k];
        let mut s = st[k];
        match &node.data {
            Data::Text(_) => {
                // (removed nodes include every hard one: the counts were taken above)
                s.text = raw[k];
                s.commas = commas[k];
                s.own = s.text;
                s.own_commas = s.commas;
            }
            Data::Element(e) => {
                use Tag::*;
                match e.tag {
                    A => {
                        s.link = s.text;
                        s.own_link = s.own;
                    }
                    P => s.p += 1,
                    Blockquote => s.quote = true,
                    // a block of text alone is a paragraph too (readability turns such divs into <p>)
                    t if t.is_block() && !s.has_block && s.own > 0 => s.p += 1,
                    Img => s.img += 1,
                    Li => s.li += 1,
                    Input | Select | Textarea | Button => s.input += 1,
                    Object | Embed | Iframe | Video => s.embed += 1,
                    _ => {}
                }
            }
            Data::Document => {}
        }
        st[k] = s;
        let parent = node.parent;
        if parent == NONE || parent == 0 {
            continue;
        }
        let block = node.tag().is_some_and(|t| t.is_block() || t == Tag::Other && s.has_block) || s.has_block;
        let ps = &mut st[parent as usize];
        ps.text += s.text;
        ps.link += s.link;
        ps.commas += s.commas;
        ps.p += s.p;
        ps.img += s.img;
        ps.li += s.li;
        ps.input += s.input;
        ps.embed += s.embed;
        ps.quote |= s.quote;
        if block {
            ps.has_block = true;
        } else {
            ps.own += s.own;
            ps.own_link += s.own_link;
            ps.own_commas += s.own_commas;
        }
    }

    // 3. scoring
    let mut score = vec![0f64; n];
    let mut scored = vec![false; n];
    let init = |k: usize, score: &mut Vec<f64>, scored: &mut Vec<bool>| {
        if scored[k] {
            return;
        }
        scored[k] = true;
        use Tag::*;
        let prior = match dom.nodes[k].tag() {
            Some(Div | Article | Main) => 5.0,
            Some(Pre | Td | Blockquote) => 3.0,
            Some(Address | Ol | Ul | Dl | Dd | Dt | Li | Form) => -3.0,
            Some(H1 | H2 | H3 | H4 | H5 | H6 | Th) => -5.0,
            _ => 0.0,
        };
        score[k] = prior + weight[k] as f64;
    };
    for k in 1..n {
        if removed[k] {
            continue;
        }
        let Some(tag) = dom.nodes[k].tag() else { continue };
        if !(tag.is_block() || tag == Tag::Other) || matches!(tag, Tag::Li | Tag::H1 | Tag::Body | Tag::Html | Tag::Tr | Tag::Ul | Tag::Ol | Tag::Table) {
            continue;
        }
        let s = &st[k];
        let own = s.own.saturating_sub(s.own_link);
        if own < 25 {
            continue;
        }
        let unit = 1.0 + s.own_commas as f64 + (s.own as f64 / 100.0).floor().min(3.0);
        // a block of pure text is itself a paragraph: its parent is the container; a block
        // mixing text and blocks holds a virtual paragraph: it is the container
        let mut anc = if s.has_block { k as u32 } else { dom.nodes[k].parent };
        let mut level = 0;
        while anc != NONE && anc != 0 && level < 5 {
            let a = anc as usize;
            if dom.nodes[a].tag().is_some() && !removed[a] {
                init(a, &mut score, &mut scored);
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f64 * 3.0,
                };
                score[a] += unit / div;
            }
            if nested_article[a] {
                break;
            }
            anc = dom.nodes[a].parent;
            level += 1;
        }
    }
    let link_density = |k: usize| if st[k].text == 0 { 0.0 } else { st[k].link as f64 / st[k].text as f64 };
    let mut cands: Vec<(f64, usize)> = (1..n).filter(|&k| scored[k]).map(|k| (score[k] * (1.0 - link_density(k)), k)).collect();
    for &(s, k) in &cands {
        score[k] = s;
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let body = dom.find(Tag::Body).map(|b| b as usize).unwrap_or(0);
    let Some(&(top_score, mut top)) = cands.first() else {
        return emit(dom, &[body], &removed, &st, &weight, &share, &score, flags.clean);
    };

    if debug() {
        for &(sc, k) in cands.iter().take(8) {
            eprintln!("cand {sc:.1} {} text={} link={}", describe(dom, k), st[k].text, st[k].link);
        }
    }
    // 4. widen: a common ancestor of near-best candidates, a better-scoring parent
    let alternatives: Vec<usize> = cands.iter().skip(1).take(4).filter(|(s, _)| *s / top_score >= 0.75).map(|&(_, k)| k).collect();
    if alternatives.len() >= 3 {
        let mut p = dom.nodes[top].parent;
        while p != NONE && p != 0 && dom.nodes[p as usize].tag() != Some(Tag::Body) {
            let count = alternatives.iter().filter(|&&a| is_ancestor(dom, p as usize, a)).count();
            if count >= 3 {
                top = p as usize;
                break;
            }
            p = dom.nodes[p as usize].parent;
        }
    }
    let mut last = score[top];
    let threshold = last / 3.0;
    let mut p = dom.nodes[top].parent;
    while p != NONE && p != 0 && dom.nodes[p as usize].tag() != Some(Tag::Body) {
        let pu = p as usize;
        if !scored[pu] {
            p = dom.nodes[pu].parent;
            continue;
        }
        if score[pu] < threshold {
            break;
        }
        if score[pu] > last {
            top = pu;
            break;
        }
        last = score[pu];
        p = dom.nodes[pu].parent;
    }
    // an only child stands for its parent
    loop {
        let p = dom.nodes[top].parent;
        if p == NONE || p == 0 || dom.nodes[p as usize].tag() == Some(Tag::Body) {
            break;
        }
        let live = dom.children(p).filter(|&c| !removed[c as usize] && (dom.nodes[c as usize].tag().is_some() || st[c as usize].text > 0)).count();
        if live != 1 {
            break;
        }
        top = p as usize;
    }

    // 5. siblings that belong to the article
    let top_score = score[top];
    let parent = dom.nodes[top].parent;
    let mut picked = Vec::new();
    if parent == NONE {
        picked.push(top);
    } else {
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = dom.nodes[top].element().and_then(|e| e.attr("class")).unwrap_or("");
        for c in dom.children(parent) {
            let c = c as usize;
            if c == top {
                picked.push(c);
                continue;
            }
            if removed[c] || dom.nodes[c].tag().is_none() {
                continue;
            }
            let class = dom.nodes[c].element().and_then(|e| e.attr("class")).unwrap_or("");
            let bonus = if !top_class.is_empty() && class == top_class { top_score * 0.2 } else { 0.0 };
            if scored[c] && score[c] + bonus >= threshold {
                picked.push(c);
                continue;
            }
            // a sibling built like the top candidate whose paragraphs sit too deep to have
            // lent it a score
            let same_class = !top_class.is_empty() && class == top_class;
            if same_class && st[c].p >= 3 && st[c].text >= 300 && link_density(c) < 0.2 && weight[c] >= 0 {
                picked.push(c);
                continue;
            }
            let tag = dom.nodes[c].tag();
            let p_like = tag == Some(Tag::P) || (matches!(tag, Some(Tag::Div | Tag::Section)) && !st[c].has_block);
            if p_like {
                let ld = link_density(c);
                let len = st[c].text;
                if len > 80 && ld < 0.25 {
                    picked.push(c);
                } else if len < 80 && len > 0 && ld == 0.0 {
                    let t = dom.text_of(c as u32);
                    let t = t.trim_end();
                    if t.ends_with(['.', '。', '!', '?', '؟']) {
                        picked.push(c);
                    }
                }
            }
        }
    }
    if debug() {
        for &k in &picked {
            eprintln!("picked {} score={:.1} text={}", describe(dom, k), score[k], st[k].text);
        }
    }
    emit(dom, &picked, &removed, &st, &weight, &share, &score, flags.clean)
}

/// `KHABAR_EXTRACT_TRACE`: words whose text node's ancestors are printed, read once.
pub(crate) fn trace_needle() -> Option<&'static str> {
    static T: OnceLock<Option<String>> = OnceLock::new();
    T.get_or_init(|| std::env::var("KHABAR_EXTRACT_TRACE").ok()).as_deref()
}

fn debug() -> bool {
    static D: OnceLock<bool> = OnceLock::new();
    *D.get_or_init(|| std::env::var_os("KHABAR_EXTRACT_DEBUG").is_some())
}

/// "div.class#id < section < article" for debugging output.
fn describe(dom: &Dom, mut k: usize) -> String {
    let mut parts = Vec::new();
    while k != 0 && parts.len() < 6 {
        let n = &dom.nodes[k];
        if let Some(e) = n.element() {
            parts.push(format!("{:?}.{}#{}", e.tag, e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")));
        }
        k = n.parent as usize;
    }
    parts.join(" < ")
}

fn is_ancestor(dom: &Dom, anc: usize, mut k: usize) -> bool {
    while k != 0 && k as u32 != NONE {
        if k == anc {
            return true;
        }
        let p = dom.nodes[k].parent;
        if p == NONE {
            return false;
        }
        k = p as usize;
    }
    false
}

/// Should this element inside the article be dropped? (readability's conditional cleaning)
fn drop_inside(dom: &Dom, k: usize, st: &[Stat], weight: &[i32], share: &[bool], score: &[f64]) -> bool {
    let Some(e) = dom.nodes[k].element() else { return false };
    let s = &st[k];
    use Tag::*;
    if share[k] && s.text < 500 {
        return true;
    }
    match e.tag {
        H1 => return true,
        H2 | H3 | H4 | H5 | H6 => return weight[k] < 0,
        Form | Fieldset | Table | Ul | Ol | Div | Section | Header | Other => {}
        _ => return false,
    }
    if e.tag == Header {
        // headers inside an article carry the title, byline and date, not the body
        return s.p < 2;
    }
    let ld = if s.text == 0 { 0.0 } else { s.link as f64 / s.text as f64 };
    if s.quote && s.text < 2000 && ld < 0.5 && s.text >= 25 {
        // a quoted post or tweet the story embeds
        return false;
    }
    let w = weight[k] as f64;
    if w + score[k] < 0.0 {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let is_list = matches!(e.tag, Ul | Ol);
    let p = s.p as f64;
    let img = s.img as f64;
    let li = s.li as f64 - 100.0;
    let text = s.text;
    (img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || (s.input as f64 > (p / 3.0).floor())
        || (!is_list && text < 25 && (s.img == 0 || s.img > 2))
        || (!is_list && w < 25.0 && ld > 0.2)
        || (w >= 25.0 && ld > 0.5)
        || (s.embed == 1 && text < 75)
        || s.embed > 1
        || (is_list && ld > 0.5)
}

/// Writes the text of the picked subtrees as paragraphs.
#[allow(clippy::too_many_arguments)]
fn emit(dom: &Dom, picked: &[usize], removed: &[bool], st: &[Stat], weight: &[i32], share: &[bool], score: &[f64], clean: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let t = cur.trim();
        if !t.is_empty() {
            out.push(t.to_string());
        }
        cur.clear();
    };
    let mut kids: Vec<u32> = Vec::new();
    for &root in picked {
        // explicit stack: (node, entering)
        let mut stack: Vec<(u32, bool)> = vec![(root as u32, true)];
        while let Some((k, entering)) = stack.pop() {
            let ku = k as usize;
            let node = &dom.nodes[ku];
            let block = node.tag().is_some_and(|t| t.is_block());
            if !entering {
                if block {
                    flush(&mut cur, &mut out);
                }
                continue;
            }
            if removed[ku] || (clean && ku != root && drop_inside(dom, ku, st, weight, share, score)) {
                if debug() && !removed[ku] && st[ku].text > 100 {
                    eprintln!("dropped {} text={} p={} img={} li={} link={} w={}", describe(dom, ku), st[ku].text, st[ku].p, st[ku].img, st[ku].li, st[ku].link, weight[ku]);
                }
                continue;
            }
            match &node.data {
                Data::Text(t) => push_collapsed(&mut cur, t),
                _ => {
                    if block {
                        flush(&mut cur, &mut out);
                    }
                    stack.push((k, false));
                    kids.clear();
                    kids.extend(dom.children(k));
                    stack.extend(kids.iter().rev().map(|&c| (c, true)));
                }
            }
        }
        flush(&mut cur, &mut out);
        if debug() {
            eprintln!("emitted {} paragraphs so far, after {}", out.len(), describe(dom, root).split(" < ").next().unwrap_or(""));
        }
    }
    out
}

/// Non-space characters and commas (`,` `،` `，` `、`) of a text, in one pass that reads ASCII
/// bytes without decoding them: text nodes are mostly ASCII, and every node is counted.
fn text_counts(t: &str) -> (u32, u32) {
    let b = t.as_bytes();
    if b.is_ascii() {
        // (counting loops without branches, which the compiler turns into vector code)
        let spaces = b.iter().filter(|&&c| matches!(c, b'\t'..=b'\r' | b' ')).count();
        let commas = b.iter().filter(|&&c| c == b',').count();
        return ((b.len() - spaces) as u32, commas as u32);
    }
    let (mut chars, mut commas) = (0u32, 0u32);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            // (`char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage return, space)
            chars += u32::from(!matches!(c, b'\t'..=b'\r' | b' '));
            commas += u32::from(c == b',');
            i += 1;
            continue;
        }
        let Some(ch) = t[i..].chars().next() else { break };
        chars += u32::from(!ch.is_whitespace());
        commas += u32::from(matches!(ch, '،' | '，' | '、'));
        i += ch.len_utf8();
    }
    (chars, commas)
}

/// Appends text with runs of white space collapsed to one space.
fn push_collapsed(cur: &mut String, t: &str) {
    let mut space = t.starts_with(char::is_whitespace);
    for w in t.split_whitespace() {
        if space && !cur.is_empty() && !cur.ends_with(' ') {
            cur.push(' ');
        }
        cur.push_str(w);
        space = true;
    }
    if t.ends_with(char::is_whitespace) && !cur.is_empty() && !cur.ends_with(' ') {
        cur.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_counted_as_chars_are() {
        for t in ["", " a, b ", "caf\u{e9}, \u{a0}x\u{2003}y\u{3001}z", "\u{645}\u{631}\u{62d}\u{628}\u{627}\u{60c} \u{639}\u{627}\u{644}\u{645}", "\t\n\x0b\x0c\r ,,\u{ff0c}"] {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            let commas = t.chars().filter(|c| matches!(c, ',' | '\u{60c}' | '\u{ff0c}' | '\u{3001}')).count() as u32;
            assert_eq!(text_counts(t), (chars, commas), "{t:?}");
        }
    }
}
