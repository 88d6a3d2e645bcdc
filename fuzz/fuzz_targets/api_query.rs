//! `khabar serve`'s query parameters: whatever a client puts after `?`, the events endpoint's
//! parsing answers with a 400 naming the parameter, or builds a `WHERE` clause that SQLite
//! runs over the store without an error (every value bound, none spliced into the SQL).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

use khabar_server::filter::{Filter, Params};

mod common;

// (an empty store has every table and index the clause may name)
fn fixture() -> &'static common::StoreFixture {
    static F: OnceLock<common::StoreFixture> = OnceLock::new();
    common::store_fixture(&F, |_| {})
}

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let allowed: Vec<&str> = Filter::PARAMS.iter().copied().chain(["sort", "cursor", "limit"]).collect();
    let Ok(params) = Params::parse(Some(&raw), &allowed) else { return };
    let _ = params.limit(50, 500);
    let Ok(filter) = Filter::from_params(&params) else { return };
    for f in [filter.clone(), filter.without_dates()] {
        let (clause, values) = f.clause();
        let sql = format!("SELECT count(*) FROM events e WHERE {clause}");
        let store = fixture().store.lock().unwrap();
        let conn = store.connection();
        let counted = conn.prepare(&sql).and_then(|mut st| st.query_row(rusqlite::params_from_iter(values.iter()), |r| r.get::<_, i64>(0)));
        if let Err(e) = counted {
            panic!("{raw:?} reached SQLite as an error: {e} ({sql})");
        }
    }
});
