//! Datelines and dates: the extractor's dateline and page dates, and khabar-time's
//! expressions resolved against an anchor (relative days, weekdays, Hijri, numeric).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let anchor = khabar_time::Date::from_ymd_opt(2020, 7, 8).unwrap();
    if let Some(found) = khabar_extract::dateline::find(&text) {
        assert!(found.len <= text.len(), "a dateline longer than its paragraph");
        let _ = found.date_with_anchor(Some(anchor));
    }
    for us in [false, true] {
        if let Some((_, at)) = khabar_extract::dates::find(&text, us) {
            assert!(at <= text.len() && text.is_char_boundary(at));
            let _ = khabar_extract::dates::kind_before(&text, at);
        }
    }
    let _ = khabar_extract::dates::normalize_stamp(&text);
    let _ = khabar_time::parse_date(&text, Some(anchor));
    let _ = khabar_time::resolve_in_sentence(&text, anchor);
    for future in [false, true] {
        let _ = khabar_time::find_expressions(&text, anchor, future);
        let _ = khabar_time::resolve_near(&text, anchor, Some(text.len() / 2), future);
    }
});
