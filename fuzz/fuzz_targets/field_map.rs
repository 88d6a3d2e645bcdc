//! The field map (`--map`) and JSON records read through it: the first line is the map, the
//! rest JSON lines.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (spec, body) = text.split_once('\n').unwrap_or((&text, ""));
    let Ok(fields) = khabar_extract::input::FieldMap::parse(spec) else { return };
    let opts = khabar_extract::input::ReadOptions { fields, ..Default::default() };
    khabar_extract::input::read_bytes("f.jsonl", body.as_bytes(), &opts, &mut |r| {
        if let Ok(rec) = r {
            let _ = khabar_extract::extract(&rec);
        }
    });
});
