//! HTML pages written for these tests: metadata sources, boilerplate kinds, datelines in the
//! body, and hostile markup.

use khabar_extract::html::extract_html;
use khabar_extract::{extract, read_inputs, Record};

const STORY: &str = "<p>Delegations from both sides returned to the negotiating table on Wednesday after a week-long pause, officials said, and the talks were described as constructive by all parties.</p>\
<p>The mediator said the sessions would continue through the weekend, that both teams had brought new proposals, and that a joint statement could follow early next week.</p>\
<p>Observers noted that the two sides had not met face to face since the spring, when an earlier round collapsed over the question of prisoner exchanges and border crossings.</p>";

/// A record as `khabar extract` would read it from a file named `page.html`.
fn record(html: &str) -> Record {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, html).unwrap();
    let mut out = None;
    read_inputs(&[path], Default::default(), &mut |r| out = Some(r.unwrap()));
    out.unwrap()
}

#[test]
fn json_ld_graph_gives_headline_date_author_and_publisher() {
    let html = format!(
        r#"<html lang="fr"><head><title>Ignored | Site</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"Le Site"}},
{{"@type":"NewsArticle","headline":"Les pourparlers reprennent","datePublished":"2021-03-03T10:00:00+01:00",
"author":[{{"@type":"Person","name":"Jeanne Dupont"}},{{"@type":"Person","name":"Ali Haddad"}}],"publisher":{{"@type":"Organization","name":"Le Site"}}}}]}}</script>
</head><body><article>{STORY}</article></body></html>"#
    );
    let a = extract_html(&html);
    assert_eq!(a.title.as_deref(), Some("Les pourparlers reprennent"));
    assert_eq!(a.published.as_deref(), Some("2021-03-03T10:00:00+01:00"));
    assert_eq!(a.author.as_deref(), Some("Jeanne Dupont; Ali Haddad"), "several authors are joined by '; '");
    assert_eq!(a.site.as_deref(), Some("Le Site"));
    assert_eq!(a.lang.as_deref(), Some("fr"));
}

#[test]
fn time_element_url_date_and_date_near_the_title() {
    let with_time = format!("<html><body><h1>Talks resume</h1><time datetime=\"2021-03-03T09:00Z\">March 3</time><div>{STORY}</div></body></html>");
    assert_eq!(extract_html(&with_time).published.as_deref(), Some("2021-03-03T09:00Z"));
    let with_url = format!("<html><head><link rel=\"canonical\" href=\"https://news.example/2020/07/08/talks-resume/\"></head><body><h1>Talks resume</h1><div>{STORY}</div></body></html>");
    let a = extract_html(&with_url);
    assert_eq!(a.url.as_deref(), Some("https://news.example/2020/07/08/talks-resume/"));
    assert_eq!(a.published.as_deref(), Some("2020-07-08"));
    let near = format!("<html><body><h1>Talks resume in Geneva</h1><div class=\"byline\"><span>July 8, 2020</span></div><div>{STORY}</div></body></html>");
    assert_eq!(extract_html(&near).published.as_deref(), Some("2020-07-08"));
}

#[test]
fn title_loses_site_suffix_and_prefix() {
    let page = |t: &str| format!("<html><head><title>{t}</title><meta property=\"og:site_name\" content=\"Example News\"></head><body><div>{STORY}</div></body></html>");
    assert_eq!(extract_html(&page("Talks resume in Geneva - Example News")).title.as_deref(), Some("Talks resume in Geneva"));
    assert_eq!(extract_html(&page("Example News | Talks resume in Geneva")).title.as_deref(), Some("Talks resume in Geneva"));
}

#[test]
fn boilerplate_kinds_are_left_out() {
    let html = format!(
        r##"<html><body>
<header class="site-header"><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li></ul></nav>
<div class="main"><article>
<h1>Talks resume in Geneva</h1>
<div class="byline">By A. Writer</div>
<p class="timestamp">Updated 10:00 GMT, March 3, 2021</p>
{STORY}
<figure><img src="x.jpg"><figcaption>Delegates arrive at the palace (Image: Agency)</figcaption></figure>
<p>READ MORE: An older story about something else entirely</p>
<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<div class="newsletter-signup"><p>Sign up for our daily newsletter and get the news first, every morning.</p></div>
<div class="related-articles"><ul><li><a href="/1">Another story with a long enough title to count</a></li><li><a href="/2">And another story with a long title</a></li></ul></div>
</article></div>
<aside class="sidebar"><p>Most read: a story that is long enough to look like a paragraph of text here.</p></aside>
<div id="comments" class="comments-area"><p>Great article, thanks! I have been following these talks for years and this is the best summary.</p></div>
<footer><p>Copyright 2021 Example News. All rights reserved.</p></footer>
<script>document.write("<p>not text</p>")</script><style>.x{{}}</style>
</body></html>"##
    );
    let a = extract_html(&html);
    assert!(a.text.starts_with("Delegations from both sides"), "{}", a.text);
    assert!(a.text.ends_with("prisoner exchanges and border crossings."), "{}", a.text);
    assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
}

#[test]
fn dateline_in_the_first_paragraph_becomes_metadata() {
    let html = "<html><head><meta property=\"article:published_time\" content=\"2020-07-09T08:00:00Z\"></head><body><div>\
<p>DAMASCUS, July 8 (Xinhua) -- Syria and Iran signed a comprehensive military agreement on Wednesday to boost cooperation, the state news agency reported.</p>\
<p>The agreement was signed in Damascus by the two countries' chiefs of staff after a day of talks, and covers air defence, training and joint exercises.</p></div></body></html>";
    let a = extract_html(html);
    let dl = a.dateline.unwrap();
    assert_eq!(dl.place.as_deref(), Some("DAMASCUS"));
    assert_eq!(dl.date.as_deref(), Some("2020-07-08"));
    assert_eq!(a.agency.as_deref(), Some("Xinhua"));
    assert!(a.text.starts_with("Syria and Iran signed"));
}

#[test]
fn text_in_divs_and_brs_is_found() {
    let html = "<html><body><div class=\"nav\"><a href=/>Home</a></div><div id=\"story\">First paragraph of the story, long enough to be read as text by anyone, with commas, clauses, and more.<br><br>Second paragraph, which also runs long enough, with a few commas, to count as prose here.<br><br>Third paragraph closes the story with a final, rather long, sentence about the talks.</div></body></html>";
    let a = extract_html(html);
    assert!(a.text.contains("First paragraph") && a.text.contains("Third paragraph"), "{}", a.text);
    assert!(!a.text.contains("Home"));
}

#[test]
fn hostile_markup_does_not_blow_up() {
    let deep = format!("<html><body>{}<p>Deep text that is still text, found at the bottom of a very deep tree.</p>{}</body></html>", "<div>".repeat(200_000), "</div>".repeat(10));
    let a = extract(&record(&deep)).unwrap();
    assert!(a.text.contains("Deep text"));

    let unclosed = format!("<html><body><div><p>{}", "<span><b><i>unclosed words and more words ".repeat(20_000));
    assert!(extract(&record(&unclosed)).is_ok());

    let script_only = format!("<html><body><script>{}</script></body></html>", "var a = '<p>x</p>';".repeat(100_000));
    let err = extract(&record(&script_only)).unwrap_err().to_string();
    assert!(err.contains("page.html"), "{err}");

    let style_bomb = format!("<style>{}</style><p>After the style, a paragraph of real text with enough words in it to count.</p>", "a{b:c}".repeat(200_000));
    assert!(extract(&record(&style_bomb)).unwrap().text.contains("After the style"));

    for junk in ["<", "<<<<>>>>", "<!--", "<![CDATA[", "<a b='", "</x>", "<p>&#99999999999;&#x110000;&#0;</p>", "<html><body><table><tr><td>cell"] {
        let _ = extract(&record(junk));
    }
}

#[test]
fn mangled_pages_never_panic() {
    // a page of our own, cut, spliced and sprinkled with markup characters many times over
    let base = format!(
        "<!doctype html><html lang=ar><head><meta charset=utf-8><title>عنوان | موقع</title><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"x\"}}</script></head><body><nav><a href=/>الرئيسية</a></nav><article><h1>عنوان</h1><p>دمشق 8 يوليو 2020 (شينخوا) وقعت سوريا وإيران اتفاقية عسكرية شاملة &amp; &#1605; &eacute;.</p>{STORY}<table><tr><td>خلية<td>أخرى</table><ul><li>واحد<li>اثنان</ul></article><footer>©</footer></body></html>"
    );
    let bytes = base.as_bytes();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    const NOISE: &[u8] = b"<>/=\"'&;#!-[]? \n\xC3\xA9\xD8";
    for _ in 0..1500 {
        let mut page = bytes.to_vec();
        for _ in 0..1 + next(8) {
            match next(4) {
                0 => page.truncate(next(page.len() + 1)),
                1 => {
                    let at = next(page.len() + 1);
                    page.insert(at, NOISE[next(NOISE.len())]);
                }
                2 if !page.is_empty() => {
                    let at = next(page.len());
                    page.remove(at);
                }
                _ => {
                    let (a, b) = (next(page.len() + 1), next(page.len() + 1));
                    let (a, b) = (a.min(b), a.max(b));
                    let chunk = page[a..b].to_vec();
                    let at = next(page.len() + 1);
                    page.splice(at..at, chunk);
                }
            }
        }
        let text = String::from_utf8_lossy(&page);
        let _ = extract_html(&text);
        let _ = khabar_extract::decode::decode_html(&page, "fuzz");
    }
}

#[test]
fn an_embedded_post_the_story_quotes_is_kept_a_share_box_is_not() {
    let html = format!(
        "<html><body><article>{STORY}<div class=\"social-media-embed\"><blockquote class=\"post-embed\"><p>We will keep talking until there is a deal, the envoy wrote on Wednesday evening.</p></blockquote></div>\
<div class=\"social-share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div></article></body></html>"
    );
    let a = extract_html(&html);
    assert!(a.text.contains("We will keep talking"), "{}", a.text);
    assert!(!a.text.contains("Share on"), "{}", a.text);
}

#[test]
fn teasers_nested_as_articles_do_not_win_over_the_story() {
    let teaser = |n: u32| format!("<article class=\"post teaser\"><h2>Another story {n}</h2><p>An excerpt of another story, long enough, with commas, clauses, and a few more words, to look like prose at first sight, number {n}.</p><p>A second excerpt paragraph of that other story, with commas, and more words, to make it weigh something, number {n}.</p></article>");
    let teasers: String = (1..=6).map(teaser).collect();
    let html = format!("<html><body><div id=\"primary\"><article class=\"post entry\"><div class=\"entry-content\">{STORY}</div></article><article class=\"post listing\">{teasers}</article></div></body></html>");
    let a = extract_html(&html);
    assert!(a.text.starts_with("Delegations from both sides"), "{}", a.text);
    assert!(!a.text.contains("Another story") && !a.text.contains("excerpt"), "{}", a.text);
}

#[test]
fn overlays_are_furniture_and_a_layout_box_holding_the_article_is_not() {
    let notice = "<div id=\"IE-overlay\"><div class=\"wrapper\"><p>Dear reader, your browser is out of date, and some parts of this site may not work as they should, so please consider an update soon.</p><p>Thank you for your understanding, and with kind regards, the whole team of the site, who wish you a good day.</p></div></div>";
    let html = format!("<html><body>{notice}<main><section class=\"news\"><h1>Talks resume</h1>{STORY}</section></main></body></html>");
    let a = extract_html(&html);
    assert!(a.text.contains("negotiating table"), "{}", a.text);
    assert!(!a.text.contains("browser is out of date"), "{}", a.text);
    // "sidebar" in the class of the layout that holds the story inside its <article>
    let html = format!("<html><body><article><h1>Talks resume</h1><div class=\"o-row c-fixed-sidebar-layout\"><div class=\"content\">{STORY}</div></div></article><div class=\"more\"><p>Other news of the day, in brief, from the region and beyond, with links to each of the stories.</p></div></body></html>");
    let a = extract_html(&html);
    assert!(a.text.contains("negotiating table") && a.text.contains("prisoner exchanges"), "{}", a.text);
}

#[test]
fn stamps_domains_signatures_and_labelled_teasers_are_furniture() {
    let html = format!(
        "<html><body><article><h1>Talks resume</h1>{STORY}<p>CDU/CSU</p><p>beispiel.de</p><p>23.10.2018</p><p>BEISPIEL.COM</p><p>aja/PAP</p>\
         <p>VEA TAMBIÉN: Otra historia sobre el clima en la capital y sus barrios del norte</p><p>Subscribe now to our digital edition for the full story.</p></article></body></html>"
    );
    let a = extract_html(&html);
    for gone in ["23.10.2018", "VEA TAMBIÉN", "BEISPIEL.COM", "aja/PAP", "Subscribe now"] {
        assert!(!a.text.contains(gone), "{gone}: {}", a.text);
    }
    // a party's name and a domain the story lists are not a signature or a brand
    assert!(a.paragraphs.iter().any(|p| p == "CDU/CSU") && a.paragraphs.iter().any(|p| p == "beispiel.de"), "{:?}", a.paragraphs);
}
