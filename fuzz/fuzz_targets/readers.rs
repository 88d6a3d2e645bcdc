//! The input readers: gzip, zip (and a zip in a zip), zstd, WARC (plain and gzipped), JSON
//! arrays, JSON lines. The first byte picks the file name (its extensions pick the reader);
//! the rest is the file. Records and errors are all that may come out, under a small cap.
#![no_main]
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "f.jsonl", "f.jsonl.gz", "f.jsonl.zst", "f.json", "f.json.gz", "f.warc", "f.warc.gz", "f.zip", "f.html.gz", "f.txt",
    "f.zip.gz",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    let opts = khabar_extract::input::ReadOptions {
        limits: khabar_extract::input::Limits { max_record_bytes: 1 << 20 },
        ..Default::default()
    };
    let mut n = 0usize;
    khabar_extract::input::read_bytes(name, bytes, &opts, &mut |r| {
        n += 1;
        match r {
            Ok(rec) => {
                let size = match &rec.payload {
                    khabar_extract::Payload::Text(t) => t.len(),
                    khabar_extract::Payload::Html(b) | khabar_extract::Payload::Bytes(b) => b.len(),
                };
                assert!(size as u64 <= opts.limits.max_record_bytes, "{}: a record over the cap", rec.name);
                assert!(!rec.name.is_empty());
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    });
    // (no bound on the count: a few compressed bytes may hold thousands of lines)
    let _ = n;
});
