//! Search query parsing: whatever the user types, `Store::search` answers or refuses it
//! (`StoreError::BadQuery`); an SQLite error would mean the query reached FTS5 as syntax.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

mod common;

fn fixture() -> &'static common::StoreFixture {
    static F: OnceLock<common::StoreFixture> = OnceLock::new();
    common::store_fixture(&F, |store| {
        let text = "وصل أمير منطقة الرياض إلى جدة. The minister opened a school in Jeddah.";
        let article = khabar_core::Article {
            doc_id: "a".into(),
            url: Some("http://e.x/a".into()),
            title: Some("أمير الرياض".into()),
            published: Some("2015-07-21".into()),
            text: text.into(),
            paragraphs: vec![text.into()],
            ..Default::default()
        };
        store.write_batch(vec![khabar_store::Item::Article(Box::new(khabar_store::prepare("a", article, vec![])))]).unwrap();
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // the first line may carry filters, as the command line would
    let mut lines = text.splitn(2, '\n');
    let first = lines.next().unwrap_or("");
    let (query, filters) = match lines.next() {
        Some(rest) => (rest, first),
        None => (first, ""),
    };
    let mut q = khabar_store::Query::new(query);
    let mut f = filters.split('\t');
    q.from = f.next().filter(|s| !s.is_empty()).map(str::to_string);
    q.cameo = f.next().filter(|s| !s.is_empty()).map(str::to_string);
    q.country = f.next().filter(|s| !s.is_empty()).map(str::to_string);
    let store = fixture().store.lock().unwrap();
    match store.search(&q) {
        Ok(_) | Err(khabar_store::StoreError::BadQuery(_)) => {}
        Err(e) => panic!("{query:?} reached SQLite: {e}"),
    }
});
