//! Publication date, author and title from each kind of source a page offers (issue 13). Every
//! page here is written for the test.

use khabar_extract::html::extract_html;

const BODY: &str = "<p>Delegations from both sides returned to the table on Wednesday after a week-long pause in the talks, officials said.</p>\
<p>The mediator said the sessions would continue through the weekend, and that both teams had brought new proposals with them.</p>";

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html lang=\"de\"><head>{head}</head><body>{body}</body></html>")
}

#[test]
fn german_byline_date_after_a_published_label_not_the_comments() {
    let html = page(
        "<title>Gespräche gehen weiter | Beispiel-Blog</title>",
        &format!(
            "<article><h1>Gespräche gehen weiter</h1><p class=\"info\"><span>Veröffentlicht am</span> <span>23. Juli 2017</span></p>{BODY}\
             <div class=\"comments\"><div class=\"comment\"><span class=\"date\">1. August 2017</span><p>Ein Kommentar.</p></div></div></article>"
        ),
    );
    assert_eq!(extract_html(&html).published.as_deref(), Some("2017-07-23"));
}

#[test]
fn microdata_date_published_on_any_element_and_the_modified_date_told_apart() {
    let html = page(
        "<meta property=\"article:modified_time\" content=\"2020-05-02T10:00:00+02:00\">",
        &format!("<h1>Talks resume</h1><span itemprop=\"dateModified\" content=\"2020-05-02\">2. Mai</span><span itemprop=\"datePublished\" content=\"2020-04-28T18:00:00+02:00\">28.04.2020</span>{BODY}"),
    );
    assert_eq!(extract_html(&html).published.as_deref(), Some("2020-04-28T18:00:00+02:00"));
    // a page that says only when it was updated: that date, for want of another
    let only_updated = page("", &format!("<h1>Talks resume</h1><p class=\"meta\">Aktualisiert: 02.05.2020</p>{BODY}"));
    assert_eq!(extract_html(&only_updated).published.as_deref(), Some("2020-05-02"));
    // "Updated" after the publication: the publication
    let both = page("", &format!("<h1>Talks resume</h1><p class=\"meta\">Published 28 April 2020, updated 2 May 2020</p>{BODY}"));
    assert_eq!(extract_html(&both).published.as_deref(), Some("2020-04-28"));
}

#[test]
fn a_utc_stamp_gives_way_to_the_day_in_the_url() {
    let html = page(
        "<link rel=\"canonical\" href=\"https://news.example/2020/02/24/talks-resume/\"><meta property=\"article:published_time\" content=\"2020-02-25T02:25:54Z\">",
        &format!("<h1>Talks resume</h1>{BODY}"),
    );
    assert_eq!(extract_html(&html).published.as_deref(), Some("2020-02-24"));
}

#[test]
fn written_dates_in_several_languages_by_the_headline() {
    for (line, want) in [
        ("Publié le 3 février 2019", "2019-02-03"),
        ("Publicado el 14 de enero de 2020", "2020-01-14"),
        ("Samstag, 5. Oktober 2013", "2013-10-05"),
        ("November 22, 2011", "2011-11-22"),
        ("opublikowano 12 stycznia 2018", "2018-01-12"),
    ] {
        let html = page("", &format!("<div class=\"post\"><h2 class=\"date-header\">{line}</h2><h1>Talks resume</h1>{BODY}</div>"));
        assert_eq!(extract_html(&html).published.as_deref(), Some(want), "{line}");
    }
}

#[test]
fn author_from_a_json_ld_graph_reference() {
    let html = page(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Article","headline":"Talks resume","author":{"@id":"https://blog.example/#/person/1"}},{"@type":"Person","@id":"https://blog.example/#/person/1","name":"Doris Beispiel"}]}</script>"#,
        &format!("<h1>Talks resume</h1>{BODY}"),
    );
    assert_eq!(extract_html(&html).author.as_deref(), Some("Doris Beispiel"));
}

#[test]
fn author_from_bylines_cleaned_and_not_the_site() {
    // blog markup: "Posted by" and a vcard name; the meta author is the site
    let html = page(
        "<meta name=\"author\" content=\"Beispiel Blog\"><meta property=\"og:site_name\" content=\"Beispiel Blog\">",
        &format!("<h1>Talks resume</h1><div class=\"post-footer\"><span class=\"post-author vcard\">Posted by <span class=\"fn\">gizzmo</span></span></div>{BODY}"),
    );
    assert_eq!(extract_html(&html).author.as_deref(), Some("gizzmo"));
    // a rel=author link, not the comment's author
    let html = page("", &format!("<h1>Talks resume</h1><p>Von <a rel=\"author\" href=\"/autor/mw\">Moritz Wichmann</a> am 29.04.2020</p>{BODY}<div class=\"comment\"><a rel=\"author\" href=\"/u/x\">Leser</a></div>"));
    assert_eq!(extract_html(&html).author.as_deref(), Some("Moritz Wichmann"));
    // a plain byline under the headline
    let html = page("", &format!("<h1>Talks resume in Geneva</h1><p>By Jane Roe, Staff Reporter</p>{BODY}"));
    assert_eq!(extract_html(&html).author.as_deref(), Some("Jane Roe"));
}

#[test]
fn the_headline_is_the_h1_that_the_head_title_names() {
    let html = page(
        "<meta property=\"og:title\" content=\"Brexit: Nervenkrieg geht in nächste Runde\"><title>Brexit: Nervenkrieg geht in nächste Runde | Beispiel</title>",
        &format!("<header><h1 class=\"logo\">Beispiel</h1></header><h1>Der Nervenkrieg um den Brexit geht in die nächste Runde</h1>{BODY}"),
    );
    assert_eq!(extract_html(&html).title.as_deref(), Some("Der Nervenkrieg um den Brexit geht in die nächste Runde"));
    // an <h1> that is the site's logo is not the headline
    let html = page("<title>Talks resume in Geneva - Example News</title>", &format!("<h1>Example News</h1><div>{BODY}</div>"));
    assert_eq!(extract_html(&html).title.as_deref(), Some("Talks resume in Geneva"));
}

#[test]
fn a_read_also_label_takes_the_teaser_headlines_after_it() {
    let html = page(
        "",
        &format!(
            "<article><h1>Talks resume</h1>{BODY}<p>Schon gelesen?</p><p>Luftwaffe beginnt das Training auf neuen Hubschraubern</p>\
             <p>The mediator added that a final text could be ready within a month, if both sides keep their word.</p>\
             <p>Czytaj też: Były dowódca wojsk mówi o rozmowach</p></article>"
        ),
    );
    let a = extract_html(&html);
    assert!(a.text.contains("a final text could be ready"), "{}", a.text);
    for junk in ["Schon gelesen", "Luftwaffe", "Czytaj"] {
        assert!(!a.text.contains(junk), "{junk}: {}", a.text);
    }
}

#[test]
fn co_authors_labels_and_a_date_before_the_name() {
    let html = page(
        "",
        &format!("<h1>Talks resume</h1><p><span itemprop=\"author\">Luana Beispiel</span> and <span itemprop=\"author\">Raphael Muster</span></p>{BODY}"),
    );
    assert_eq!(extract_html(&html).author.as_deref(), Some("Luana Beispiel; Raphael Muster"));
    let html = page("", &format!("<h1>Talks resume</h1><p class=\"byline\">Text und Interview: Harald Beispiel</p>{BODY}"));
    assert_eq!(extract_html(&html).author.as_deref(), Some("Harald Beispiel"));
    let html = page("", &format!("<h1>Variablen und ihr Zuhause</h1><p class=\"text-muted\">11.12.2019 - Amelie Muster</p>{BODY}"));
    let a = extract_html(&html);
    assert_eq!(a.author.as_deref(), Some("Amelie Muster"));
    assert_eq!(a.published.as_deref(), Some("2019-12-11"));
}

#[test]
fn a_marked_lead_above_the_body_is_the_story_and_a_caption_is_not() {
    let html = page(
        "",
        &format!(
            "<header><h1>Talks resume</h1><figure><p class=\"caption\">The mediator, pictured in Geneva last year, when the first round of the talks began in the city.</p></figure>\
             <p class=\"article-lead\">Both delegations came back to Geneva on Wednesday, a week after the talks had broken down over the ceasefire map.</p></header>\
             <div class=\"story\">{BODY}</div>"
        ),
    );
    let a = extract_html(&html);
    assert!(a.text.starts_with("Both delegations came back"), "{}", a.text);
    assert!(!a.text.contains("pictured in Geneva"), "{}", a.text);
}

#[test]
fn a_kicker_date_above_the_headline_and_a_last_change_label() {
    let html = page("", &format!("<div><small>31.01.2022 · 2. Liga</small><h1>Neuer Trainer für den Verein</h1></div>{BODY}"));
    assert_eq!(extract_html(&html).published.as_deref(), Some("2022-01-31"));
    let html = page("", &format!("<h1>Neue Karten</h1>{BODY}<div><label>Letzte Änderung:</label><div>14.01.2022 um 09:25</div></div>"));
    assert_eq!(extract_html(&html).published.as_deref(), Some("2022-01-14"), "a modification, for want of a publication date");
}

#[test]
fn a_label_standing_alone_before_the_name_and_a_blog_named_after_its_writer() {
    let html = page(
        "<meta property=\"og:site_name\" content=\"Wolfgang Muster\">",
        &format!("<h1>Abgebrochene Forschung</h1>{BODY}<div class=\"single-info\"><span>Von: </span><span>Wolfgang Muster</span></div>"),
    );
    assert_eq!(extract_html(&html).author.as_deref(), Some("Wolfgang Muster"));
    // but a meta author that is only the site's name is the publisher
    let html = page("<meta name=\"author\" content=\"Example News\"><meta property=\"og:site_name\" content=\"Example News\">", &format!("<h1>Talks resume</h1>{BODY}"));
    assert_eq!(extract_html(&html).author, None);
}

/// A long sidebar of other stories, so that no box of the article holds half the page's text.
fn long_sidebar() -> String {
    let item = "<li><a href=\"/other\">Another story about the weather and the roads this week in the region</a></li>";
    format!("<div class=\"sidebar\"><ul>{}</ul></div>", item.repeat(30))
}

#[test]
fn a_sidebar_inside_the_article_is_read_one_outside_is_not() {
    let html = page(
        "<title>Les pourparlers reprennent | Radio Exemple</title>",
        &format!(
            "<article><h1>Les pourparlers reprennent</h1><div class=\"podcast__sidebar\"><p>Mise en ligne</p><p>23 mai 2019</p></div>{BODY}</article>\
             <div class=\"sidebar\"><p>Publié le</p><p>1 juin 2019</p></div>"
        ),
    );
    assert_eq!(extract_html(&html).published.as_deref(), Some("2019-05-23"));
    let outside = page("<title>Les pourparlers reprennent</title>", &format!("<article><h1>Les pourparlers reprennent</h1>{BODY}</article><div class=\"sidebar\"><p>Publié le</p><p>1 juin 2019</p></div>"));
    assert_eq!(extract_html(&outside).published, None);
}

#[test]
fn the_headline_is_the_heading_the_title_names_not_the_logo() {
    // the logo's <h1> and the day's date beside it, then the story's own <h1>
    let html = page(
        "<title>Gespräche gehen weiter | Radio Beispiel</title><meta name=\"date\" content=\"2017-05-01T17:05:00+0200\">",
        &format!("<div><h1><a href=\"/\">Radio Beispiel</a></h1><span class=\"site-date\">Mittwoch, 26.02.2020</span></div><nav><a href=\"/\">Start</a></nav><article><h1>Gespräche gehen weiter</h1>{BODY}</article>"),
    );
    assert_eq!(extract_html(&html).published.as_deref(), Some("2017-05-01T17:05:00+0200"));
    // a blog's <h3> headline: the widget that holds it is read, its date header too
    let html = page(
        "<title>Gespräche gehen weiter</title>",
        &format!("<div class=\"widget Blog\"><h2 class=\"date-header\"><span>Samstag, 9. September 2017</span></h2><h3 class=\"post-title\">Gespräche gehen weiter</h3>{BODY}</div>{}", long_sidebar()),
    );
    assert_eq!(extract_html(&html).published.as_deref(), Some("2017-09-09"));
}

#[test]
fn dates_by_the_headline_that_disagree_go_to_the_day_more_sources_give() {
    let dates = "<h1>Talks resume</h1><p class=\"date\">12.12.2022</p><p class=\"date\">28.11.2022</p>";
    let html = page(
        "<title>Talks resume</title><meta property=\"article:published_time\" content=\"2022-11-28T09:00:00+01:00\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-11-28T09:00:00+01:00\"}</script>",
        &format!("{dates}{BODY}"),
    );
    assert_eq!(extract_html(&html).published.as_deref().map(|d| &d[..10]), Some("2022-11-28"));
    // with nothing else to go by, the first
    let html = page("<title>Talks resume</title>", &format!("{dates}{BODY}"));
    assert_eq!(extract_html(&html).published.as_deref(), Some("2022-12-12"));
}

#[test]
fn a_date_box_holding_the_headline_is_not_read_for_the_headline_s_date() {
    let html = page(
        "<title>Ergebnisse vom 19.5.2007</title>",
        &format!("<div class=\"post-meta\"><h1>Ergebnisse vom 19.5.2007</h1><span class=\"published\">20. Mai 2007</span></div>{BODY}"),
    );
    assert_eq!(extract_html(&html).published.as_deref(), Some("2007-05-20"));
}

#[test]
fn machine_stamps_month_first_and_midnight_in_central_europe() {
    let html = page("<meta name=\"date\" content=\"11/01/2023 12:43:42\">", &format!("<h1>Trinkwasser</h1>{BODY}"));
    assert_eq!(extract_html(&html).published.as_deref(), Some("2023-11-01"));
    let html = page("<meta property=\"article:published_time\" content=\"2022-11-06T23:00:00.000Z\">", &format!("<h1>Südfrankreich</h1>{BODY}"));
    assert_eq!(extract_html(&html).published.as_deref(), Some("2022-11-07"));
}

#[test]
fn bylines_with_two_digit_years_and_a_paragraph_that_opens_with_its_date() {
    let html = page("<title>Neuer Trainer</title>", &format!("<h1>Neuer Trainer</h1><div class=\"article-meta-wrapper\">Von: Anna Muster <span>|</span> <span>31.10.23</span></div>{BODY}"));
    assert_eq!(extract_html(&html).published.as_deref(), Some("2023-10-31"));
    let html = page("<title>Roma</title>", &format!("<h1>Roma</h1><em>( Roma, 14 Gennaio 20 )</em>{BODY}"));
    assert_eq!(extract_html(&html).published.as_deref(), Some("2020-01-14"));
    let long = "27.1.2022 - Bei der Sitzung des Rates am Mittwoch wurde lange über den Haushalt gesprochen, und am Ende stimmten alle Fraktionen dem Kompromiss zu, den der Ausschuss in der Woche davor ausgehandelt hatte.";
    let html = page("<title>Der Rat stimmt zu</title>", &format!("<h1>Der Rat stimmt zu</h1><p>Von Anna Muster</p><p>{long}</p>{BODY}"));
    assert_eq!(extract_html(&html).published.as_deref(), Some("2022-01-27"));
}

#[test]
fn a_bem_class_names_its_date_box() {
    // the box's class word is "info" between "__" and "-"; the page's meta agrees with it, a
    // JSON-LD stamp does not
    let html = page(
        "<title>Vanlife</title><meta property=\"article:published_time\" content=\"2022-01-06T08:29:34\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-01-04T07:29:00.000Z\"}</script>",
        &format!("<h1>Vanlife</h1><div class=\"v-article__info-item\">06.01.2022</div>{BODY}"),
    );
    assert_eq!(extract_html(&html).published.as_deref().map(|d| &d[..10]), Some("2022-01-06"));
}
