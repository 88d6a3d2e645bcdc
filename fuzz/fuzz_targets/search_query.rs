//! Search query parsing: whatever the user types, `Store::search` answers or refuses it
//! (`StoreError::BadQuery`); an SQLite error would mean the query reached FTS5 as syntax.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

struct Fixture {
    _dir: tempfile::TempDir,
    store: std::sync::Mutex<khabar_store::Store>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        let mut store = khabar_store::Store::open(&path).unwrap();
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
        drop(store);
        let store = khabar_store::Store::open_read(&path).unwrap();
        Fixture { _dir: dir, store: std::sync::Mutex::new(store) }
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
