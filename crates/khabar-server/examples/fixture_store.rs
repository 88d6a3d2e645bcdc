//! Writes the test fixture (`tests/fixtures/store.jsonl`) into a store, for the browser tests:
//!
//!     cargo run -p khabar-server --example fixture_store -- target/serve-fixture.db
#[path = "../tests/common/fixture.rs"]
mod fixture;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = std::env::args().nth(1).ok_or("usage: fixture_store OUT.db")?;
    let db = std::path::Path::new(&db);
    if db.exists() {
        std::fs::remove_file(db)?;
    }
    let report = fixture::build_store(&fixture::fixture_path(), db)?;
    eprintln!("{}: {report:?}", db.display());
    Ok(())
}
