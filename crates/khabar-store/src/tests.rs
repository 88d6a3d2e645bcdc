use super::*;

fn article(id: &str, url: Option<&str>, site: &str, text: &str) -> Article {
    Article {
        doc_id: id.into(),
        url: url.map(str::to_string),
        site: Some(site.into()),
        title: Some(format!("title {id}")),
        published: Some("2015-07-21 02:51:32".into()),
        lang: Some("ar".into()),
        text: text.into(),
        paragraphs: text.split("\n\n").map(str::to_string).collect(),
        ..Article::default()
    }
}

fn event(doc: &str, sentence: usize, cameo: &str, src: &str, tgt: &str) -> Event {
    let actor = |code: &str| Actor { text: code.into(), name: code.into(), code: code.into(), country: Some(code[..3].into()), roles: vec![] };
    Event {
        doc_id: doc.into(),
        sentence,
        evidence: "…".into(),
        lang: "ar".into(),
        cameo: cameo.into(),
        cameo_root: cameo[..2].into(),
        cameo_name: "x".into(),
        plover: None,
        goldstein: 1.0,
        quad_class: 1,
        source: Some(actor(src)),
        target: Some(actor(tgt)),
        date: Some("2015-07-20".into()),
        date_basis: None,
        location: Some(Location { name: "Riyadh".into(), country: Some("SAU".into()), basis: "sentence".into(), geonameid: Some(108410), ..Location::default() }),
        modality: Default::default(),
        negated: false,
        confidence: 0.8,
        rule: "r".into(),
        explanation: String::new(),
        headline: false,
        root_event: false,
        mentions: Vec::new(),
        held_back: None,
        reacts_to: None,
        aimed_at_unnamed: false,
    }
}

/// A long wire story, and a lightly edited copy of it.
fn wire(edit: &str) -> String {
    let body: Vec<String> = (0..60).map(|i| format!("كلمة{i}")).collect();
    format!("وقعت السعودية ومصر اتفاقية تعاون في الرياض اليوم. {} {edit}", body.join(" "))
}

fn item(record: &str, a: Article, events: Vec<Event>) -> Item {
    Item::Article(Box::new(prepare(record, a, events)))
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db")).unwrap();
    (dir, store)
}

#[test]
fn an_article_seen_twice_is_stored_once() {
    let (_d, mut s) = open();
    let a = article("a", Some("http://x.sa/1"), "okaz", &wire(""));
    s.write_batch(vec![item("f:1", a.clone(), vec![])]).unwrap();
    // same URL, and the same text under the same URL in another batch
    let r = s.write_batch(vec![item("f:1", a.clone(), vec![]), item("g:9", a, vec![])]).unwrap();
    assert_eq!((r.articles, r.duplicates), (0, 2));
    assert_eq!(s.stats().unwrap().articles, 1);
}

#[test]
fn same_text_under_a_new_url_is_a_copy_not_an_article() {
    let (_d, mut s) = open();
    let text = wire("");
    // hamza and taa marbuta spellings differ, the normalised text does not
    let variant = text.replace("اتفاقية", "اتفاقيه");
    let r = s
        .write_batch(vec![
            item("f:1", article("a", Some("http://x.sa/1"), "okaz", &text), vec![event("a", 0, "057", "SAU", "EGY")]),
            item("f:2", article("b", Some("http://y.sa/1"), "was", &variant), vec![event("b", 0, "057", "SAU", "EGY")]),
        ])
        .unwrap();
    assert_eq!((r.articles, r.copies), (1, 1));
    let st = s.stats().unwrap();
    assert_eq!((st.articles, st.copies, st.events), (1, 1, 1));
    let mut ev = Vec::new();
    s.for_each_event::<StoreError>(|e| {
        ev.push(e);
        Ok(())
    })
    .unwrap();
    assert_eq!((ev[0].num_mentions, ev[0].num_articles, ev[0].num_sources), (2, 2, 2));
    // the mentions export repeats the article's mention for its copy, under the copy's URL and outlet
    let mut ms = Vec::new();
    s.for_each_mention::<StoreError>(|m| {
        ms.push(m);
        Ok(())
    })
    .unwrap();
    assert_eq!(ms.len() as i64, ev[0].num_mentions);
    let urls: Vec<_> = ms.iter().map(|m| (m.url.as_deref().unwrap(), m.source.as_deref().unwrap(), m.copy)).collect();
    assert_eq!(urls, [("http://x.sa/1", "okaz", false), ("http://y.sa/1", "was", true)]);
    assert!(ms.iter().all(|m| m.event_id == ev[0].id && m.sentence == Some(0) && !m.sentence_text.is_empty()));
}

#[test]
fn near_duplicates_share_a_story_and_their_events_merge() {
    let (_d, mut s) = open();
    let items = vec![
        item("f:1", article("a", Some("http://x.sa/1"), "okaz", &wire("")), vec![event("a", 0, "057", "SAU", "EGY")]),
        // same outlet, edited: one more mention in two sentences
        item(
            "f:2",
            article("b", Some("http://x.sa/2"), "okaz", &wire("وأضاف المصدر")),
            vec![event("b", 0, "057", "SAU", "EGY"), event("b", 3, "057", "SAU", "EGY")],
        ),
        // another outlet
        item("f:3", article("c", Some("http://z.sa/3"), "was", &wire("بحسب الوكالة")), vec![event("c", 0, "057", "SAU", "EGY")]),
        // an unrelated story with the same event code: a separate event
        item(
            "f:4",
            article("d", Some("http://z.sa/4"), "was", &(0..80).map(|i| format!("خبر{i}")).collect::<Vec<_>>().join(" ")),
            vec![event("d", 0, "057", "SAU", "EGY")],
        ),
    ];
    let r = s.write_batch(items).unwrap();
    assert_eq!((r.articles, r.joined_stories), (4, 2));
    let st = s.stats().unwrap();
    assert_eq!((st.stories, st.events, st.mentions), (2, 2, 5));
    let mut ev = Vec::new();
    s.for_each_event::<StoreError>(|e| {
        ev.push(e);
        Ok(())
    })
    .unwrap();
    assert_eq!((ev[0].num_mentions, ev[0].num_articles, ev[0].num_sources), (4, 3, 2));
    assert_eq!((ev[1].num_mentions, ev[1].num_articles, ev[1].num_sources), (1, 1, 1));
    assert_eq!(ev[0].article.url.as_deref(), Some("http://x.sa/1"));
    let mut per_event = std::collections::BTreeMap::<i64, Vec<(i64, Option<usize>)>>::new();
    s.for_each_mention::<StoreError>(|m| {
        per_event.entry(m.event_id).or_default().push((m.article_id, m.sentence));
        Ok(())
    })
    .unwrap();
    for e in &ev {
        assert_eq!(per_event[&e.id].len() as i64, e.num_mentions);
    }
    assert_eq!(per_event[&ev[0].id].iter().filter(|(_, s)| *s == Some(3)).count(), 1);
}

#[test]
fn search_folds_hamza_and_taa_marbuta() {
    let (_d, mut s) = open();
    s.write_batch(vec![
        item("f:1", article("a", Some("http://x.sa/1"), "okaz", "استقبل أمير منطقة الرياض وفد المدينة المنورة.\n\nوقال إن الزيارة مهمة."), vec![]),
        item("f:2", article("b", Some("http://x.sa/2"), "okaz", "The Emir of Riyadh received a delegation."), vec![]),
    ])
    .unwrap();
    // and a word is found with or without its proclitics and article (والرياض, بالرياض, رياض)
    for q in ["امير", "إمير", "المدينه", "منطقه الرياض", "والرياض", "بالرياض", "رياض"] {
        let hits = s.search(&Query::new(q)).unwrap();
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0].doc_id, "a");
        assert!(hits[0].snippet.contains("أمير"), "{}", hits[0].snippet);
    }
    assert_eq!(s.search(&Query::new("EMIR")).unwrap()[0].doc_id, "b");
    assert_eq!(s.search(&Query::new("delega*")).unwrap().len(), 1);
    assert!(s.search(&Query::new("\"unbalanced")).unwrap().is_empty());
    assert_eq!(s.search(&Query::new("امير OR emir")).unwrap().len(), 2);
}

#[test]
fn search_filters_by_date_country_and_cameo() {
    let (_d, mut s) = open();
    let mut b = article("b", Some("http://x.sa/2"), "okaz", "اتفاقية جديدة بين الرياض والقاهرة");
    b.published = Some("2015-08-01".into());
    s.write_batch(vec![
        item("f:1", article("a", Some("http://x.sa/1"), "okaz", "اتفاقية جديدة في الرياض"), vec![event("a", 0, "057", "SAU", "EGY")]),
        item("f:2", b, vec![event("b", 0, "190", "IRN", "IRQ")]),
    ])
    .unwrap();
    let q = |f: &dyn Fn(&mut Query)| {
        let mut q = Query::new("اتفاقيه");
        f(&mut q);
        s.search(&q).unwrap().into_iter().map(|h| h.doc_id).collect::<Vec<_>>()
    };
    assert_eq!(q(&|_| {}).len(), 2);
    assert_eq!(q(&|q| q.from = Some("2015-07-25".into())), vec!["b"]);
    assert_eq!(q(&|q| q.to = Some("2015-07-21".into())), vec!["a"]);
    assert_eq!(q(&|q| q.country = Some("egy".into())), vec!["a"]);
    assert_eq!(q(&|q| q.country = Some("IRQ".into())), vec!["b"]);
    assert_eq!(q(&|q| q.country = Some("SAU".into())).len(), 2, "the place counts too");
    assert_eq!(q(&|q| q.cameo = Some("19".into())), vec!["b"]);
    assert!(q(&|q| {
        q.cameo = Some("19".into());
        q.country = Some("EGY".into());
    })
    .is_empty());
}

#[test]
fn failures_are_recorded_once() {
    let (_d, mut s) = open();
    let f = || Item::Failure { record: "x.json[3]".into(), reason: "not a JSON object".into() };
    s.write_batch(vec![f()]).unwrap();
    s.write_batch(vec![f()]).unwrap();
    assert_eq!(s.stats().unwrap().failures, 1);
}

#[test]
fn reopening_keeps_everything_and_a_reader_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.write_batch(vec![item("f:1", article("a", Some("http://x.sa/1"), "okaz", &wire("")), vec![])]).unwrap();
    }
    let r = Store::open_read(&path).unwrap();
    assert!(r.has_url("http://x.sa/1").unwrap());
    assert!(!r.has_url("http://x.sa/2").unwrap());
    assert_eq!(Store::open(&path).unwrap().stats().unwrap().articles, 1);
}

#[test]
fn hosts_name_sources_when_no_site_is_given() {
    assert_eq!(host_of("http://www.Okaz.com.sa/new/x?y").as_deref(), Some("okaz.com.sa"));
    assert_eq!(host_of("https://user@spa.gov.sa:443/a").as_deref(), Some("spa.gov.sa"));
}

#[test]
fn the_same_file_under_another_path_is_a_duplicate_not_a_copy() {
    let (_d, mut s) = open();
    let a = article("a", None, "okaz", &wire(""));
    s.write_batch(vec![item("corpus/a.txt", a.clone(), vec![])]).unwrap();
    let r = s.write_batch(vec![item("./corpus/a.txt", a, vec![])]).unwrap();
    assert_eq!((r.articles, r.copies, r.duplicates), (0, 0, 1));
    assert_eq!(s.stats().unwrap().copies, 0);
}

#[test]
fn any_query_is_answered_or_refused_never_an_fts5_error() {
    let (_d, mut s) = open();
    s.write_batch(vec![item("f:1", article("a", Some("http://x.sa/1"), "okaz", "استقبل أمير منطقة الرياض وفد المدينة. The Emir met them."), vec![])])
        .unwrap();
    // pieces of FTS5 syntax and SQL, combined at random (a fixed seed): 3,000 queries
    let pieces = [
        "AND", "OR", "NOT", "NEAR(", "NEAR", ")", "(", "\"", "'", "*", "-", "+", "^", ":", "title:", "{title body}:", "amir", "امير",
        "الرياض*", "'; DROP TABLE articles; --", "\"\"", "**", "a*b", "\u{0}", "\u{202E}", "NEAR(a b, 2)", ",", ";", "%", "_", "\\",
    ];
    let mut x: u64 = 14;
    for _ in 0..3000 {
        let mut q = String::new();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        for k in 0..(x % 8) {
            let p = pieces[((x >> (8 * k)) % pieces.len() as u64) as usize];
            q.push_str(p);
            if (x >> k) & 1 == 0 {
                q.push(' ');
            }
        }
        match s.search(&Query::new(&q)) {
            Ok(_) | Err(StoreError::BadQuery(_)) => {}
            Err(e) => panic!("{q:?}: {e}"),
        }
    }
    // a run of operators keeps the last: AND OR NOT between two words is NOT
    assert!(s.search(&Query::new("emir AND OR NOT them")).unwrap().is_empty());
    assert_eq!(s.search(&Query::new("emir OR AND them")).unwrap().len(), 1);
    assert!(matches!(s.search(&Query::new("")), Err(StoreError::BadQuery(_))));
}

#[test]
fn a_new_store_read_by_another_process_is_opened_once_the_reader_is_done() {
    // SQLite answers the switch to WAL with "busy" at once, not after the busy timeout, while
    // another connection reads the file: `Store::open` must wait for the reader, not fail
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    let reader = Connection::open(&path).unwrap();
    reader.execute_batch("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); BEGIN; SELECT count(*) FROM meta;").unwrap();
    let (held, released) = (std::time::Duration::from_millis(400), std::time::Instant::now());
    let done = std::thread::spawn(move || {
        std::thread::sleep(held);
        reader.execute_batch("COMMIT").unwrap();
    });
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(released.elapsed() >= held, "opened while the reader still held the file");
    done.join().unwrap();
    let mode: String = store.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn many_threads_opening_a_new_store_at_once_all_open_it() {
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("fresh-{round}.db"));
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(12));
        let opens: Vec<_> = (0..12)
            .map(|_| {
                let (path, barrier) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    Store::open(&path).map(|_| ()).map_err(|e| e.to_string())
                })
            })
            .collect();
        for open in opens {
            open.join().unwrap().unwrap();
        }
    }
}
