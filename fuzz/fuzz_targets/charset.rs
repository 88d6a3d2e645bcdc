//! Charset decoding: BOMs, declared charsets (meta tags, XML declarations), detection, and the
//! refusal of binary junk. Any bytes: an `Ok` is valid UTF-8 by type; nothing may panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = khabar_extract::decode::declared_charset(data);
    if let Ok(text) = khabar_extract::decode::decode_html(data, "fuzz.html") {
        let _ = khabar_extract::decode::looks_like_html(&text);
    }
    let _ = khabar_extract::decode::decode_text(data, "fuzz.txt");
});
