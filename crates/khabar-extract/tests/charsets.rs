//! Charsets: every legacy charset the issue names, declared and undeclared, plus pages that
//! lie. The texts are written for these tests.

use encoding_rs::Encoding;
use khabar_extract::decode::{decode_html, decode_text};

const ARABIC: &str = "وقعت الحكومة السورية اتفاقية جديدة للتعاون الاقتصادي مع الجانب الإيراني في دمشق يوم الأربعاء، وقال الوزير إن الاتفاقية تشمل قطاعات الطاقة والنقل والصحة والتعليم.";
const CHINESE_S: &str = "新华社北京7月8日电 中国和伊朗今天在北京签署了经济合作协议，双方同意在能源、交通和卫生领域加强合作，并将成立联合委员会。";
const CHINESE_T: &str = "中央社台北8日電 行政院今天通過新的經濟振興方案，將在未來三年內投入大量資金，協助中小企業轉型並提升國際競爭力。";
const RUSSIAN: &str = "Правительство России подписало новое соглашение о сотрудничестве с соседними странами в столице, сообщил министр иностранных дел на пресс-конференции в среду.";
const JAPANESE: &str = "政府は水曜日、東京で近隣諸国との新しい経済協力協定に署名したと外務大臣が記者会見で発表しました。協定はエネルギーと交通を含みます。";
const POLISH: &str = "Rząd w Warszawie podpisał w środę nową umowę o współpracy gospodarczej z sąsiednimi państwami, poinformował minister spraw zagranicznych podczas konferencji.";
const GREEK: &str = "Η κυβέρνηση υπέγραψε την Τετάρτη νέα συμφωνία οικονομικής συνεργασίας με τις γειτονικές χώρες, ανακοίνωσε ο υπουργός Εξωτερικών σε συνέντευξη Τύπου.";
const FRENCH: &str = "Le gouvernement a signé mercredi à Paris un nouvel accord de coopération économique avec les pays voisins, a déclaré le ministre des Affaires étrangères.";

fn page(charset: Option<&str>, body: &str) -> String {
    let meta = charset.map(|c| format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={c}\">")).unwrap_or_default();
    format!("<!doctype html><html><head>{meta}<title>t</title></head><body><p>{body}</p><p>{body}</p></body></html>")
}

fn encode(enc: &'static Encoding, s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(s);
    assert!(!unmappable, "fixture not representable in {}", enc.name());
    bytes.into_owned()
}

fn declared_and_detected(enc: &'static Encoding, label: &str, text: &str) {
    let declared = encode(enc, &page(Some(label), text));
    assert!(decode_html(&declared, "t").unwrap().contains(text), "{label} declared");
    let undeclared = encode(enc, &page(None, text));
    assert!(decode_html(&undeclared, "t").unwrap().contains(text), "{label} detected");
}

#[test]
fn windows_1256_arabic() {
    declared_and_detected(encoding_rs::WINDOWS_1256, "windows-1256", ARABIC);
}

#[test]
fn iso_8859_6_arabic_declared() {
    let bytes = encode(encoding_rs::ISO_8859_6, &page(Some("ISO-8859-6"), ARABIC));
    assert!(decode_html(&bytes, "t").unwrap().contains(ARABIC));
}

#[test]
fn gbk_and_gb18030() {
    declared_and_detected(encoding_rs::GBK, "gb2312", CHINESE_S);
    let bytes = encode(encoding_rs::GB18030, &page(Some("GB18030"), CHINESE_S));
    assert!(decode_html(&bytes, "t").unwrap().contains(CHINESE_S));
}

#[test]
fn big5_traditional_chinese() {
    declared_and_detected(encoding_rs::BIG5, "big5", CHINESE_T);
}

#[test]
fn windows_1251_and_koi8_r() {
    declared_and_detected(encoding_rs::WINDOWS_1251, "windows-1251", RUSSIAN);
    declared_and_detected(encoding_rs::KOI8_R, "koi8-r", RUSSIAN);
}

#[test]
fn shift_jis_and_euc_jp() {
    declared_and_detected(encoding_rs::SHIFT_JIS, "shift_jis", JAPANESE);
    declared_and_detected(encoding_rs::EUC_JP, "euc-jp", JAPANESE);
}

#[test]
fn iso_8859_x() {
    declared_and_detected(encoding_rs::ISO_8859_2, "iso-8859-2", POLISH);
    declared_and_detected(encoding_rs::ISO_8859_7, "iso-8859-7", GREEK);
    declared_and_detected(encoding_rs::WINDOWS_1252, "iso-8859-1", FRENCH);
}

#[test]
fn meta_charset_attribute_form() {
    let html = format!("<html><head><meta charset='windows-1251'></head><body><p>{RUSSIAN}</p></body></html>");
    let bytes = encode(encoding_rs::WINDOWS_1251, &html);
    assert!(decode_html(&bytes, "t").unwrap().contains(RUSSIAN));
}

#[test]
fn utf8_page_that_claims_latin1_is_read_as_utf8() {
    let bytes = page(Some("iso-8859-1"), ARABIC).into_bytes();
    assert!(decode_html(&bytes, "t").unwrap().contains(ARABIC));
}

#[test]
fn arabic_page_that_claims_latin1_is_read_by_detection() {
    let bytes = encode(encoding_rs::WINDOWS_1256, &page(Some("iso-8859-1"), ARABIC));
    assert!(decode_html(&bytes, "t").unwrap().contains(ARABIC));
}

#[test]
fn gbk_page_that_claims_utf8_is_read_by_detection() {
    let bytes = encode(encoding_rs::GBK, &page(Some("utf-8"), CHINESE_S));
    assert!(decode_html(&bytes, "t").unwrap().contains(CHINESE_S));
}

#[test]
fn boms_win_over_declarations() {
    let mut utf16 = vec![0xFF, 0xFE];
    for u in page(Some("windows-1252"), ARABIC).encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert!(decode_html(&utf16, "t").unwrap().contains(ARABIC));
    let mut utf8 = vec![0xEF, 0xBB, 0xBF];
    utf8.extend_from_slice(page(Some("windows-1251"), RUSSIAN).as_bytes());
    assert!(decode_html(&utf8, "t").unwrap().contains(RUSSIAN));
}

#[test]
fn undeclared_legacy_text_files() {
    for (enc, text) in [(encoding_rs::WINDOWS_1256, ARABIC), (encoding_rs::WINDOWS_1251, RUSSIAN), (encoding_rs::GBK, CHINESE_S)] {
        let bytes = encode(enc, &format!("{text}\n{text}\n"));
        assert!(decode_text(&bytes, "t").unwrap().contains(text), "{}", enc.name());
    }
}

#[test]
fn utf16_without_a_bom_is_read_not_refused_as_binary() {
    // before: refused as "binary data, not text or HTML" (the NUL and 0x06 high bytes)
    for (text, name) in [(ARABIC, "ar"), (FRENCH, "fr"), (RUSSIAN, "ru"), (GREEK, "el")] {
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode_text(&le, name).unwrap(), text, "{name} LE");
        assert_eq!(decode_text(&be, name).unwrap(), text, "{name} BE");
        let html: Vec<u8> = page(Some("utf-8"), text).encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(decode_html(&html, name).unwrap().contains(text), "{name} page");
    }
    // binary junk with NULs is still refused
    let junk: Vec<u8> = (0..4096u32).map(|i| if i % 2 == 1 { 0 } else { (i.wrapping_mul(2654435761) >> 13) as u8 }).collect();
    assert!(decode_text(&junk, "j").is_err());
    assert!(decode_text(&[0u8; 4096], "z").is_err());
}
