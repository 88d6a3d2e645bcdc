//! Scraped-text cleaning: furniture lines, titles, agencies, times, page n of m.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = khabar_extract::scraped::extract_text(&text);
    let _ = khabar_extract::scraped::extract_text_anchored(&text, Some("2020-07-08T10:00:00"));
    for line in text.lines().take(64) {
        let _ = khabar_extract::scraped::is_furniture_line(line);
    }
    let record = khabar_extract::Record {
        id: "fuzz".into(),
        name: "fuzz.txt".into(),
        payload: khabar_extract::Payload::Bytes(data.to_vec()),
        url: None,
        date: None,
        lang: None,
        title: None,
        site: None,
        author: None,
    };
    let _ = khabar_extract::extract(&record);
});
