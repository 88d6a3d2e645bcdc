//! What the store-backed fuzz targets share: a store in a temporary folder, kept for the whole
//! run, written once by the target and then opened read-only, as `khabar search` and
//! `khabar serve` open it.

use std::sync::{Mutex, OnceLock};

use khabar_store::Store;

pub struct StoreFixture {
    _dir: tempfile::TempDir,
    pub store: Mutex<Store>,
}

/// The fixture of `cell`, made on first use: `fill` writes the new store, which is then reopened
/// read-only.
pub fn store_fixture(cell: &'static OnceLock<StoreFixture>, fill: impl FnOnce(&mut Store)) -> &'static StoreFixture {
    cell.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        let mut store = Store::open(&path).unwrap();
        fill(&mut store);
        drop(store);
        let store = Store::open_read(&path).unwrap();
        StoreFixture { _dir: dir, store: Mutex::new(store) }
    })
}
