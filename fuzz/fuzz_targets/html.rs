//! The HTML parser, content extraction and metadata: a page of any bytes goes through the
//! whole of `khabar_extract::extract`, as `khabar extract` runs it.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let dom = khabar_extract::dom::parse(&text);
    let _ = khabar_extract::content::main_paragraphs(&dom);
    let _ = khabar_extract::meta::metadata(&dom);
    let record = khabar_extract::Record {
        id: "fuzz".into(),
        name: "fuzz.html".into(),
        payload: khabar_extract::Payload::Html(data.to_vec()),
        url: None,
        date: None,
        lang: None,
        title: None,
        site: None,
        author: None,
    };
    let _ = khabar_extract::extract(&record);
});
