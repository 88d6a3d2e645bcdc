//! Bytes to text: byte-order marks, declared charsets, detection, and refusing binary junk.

use encoding_rs::Encoding;
use khabar_core::{Error, Result};

/// Invisible formatting characters that say nothing about the words: bidi embeddings,
/// overrides and isolates, left-to-right and right-to-left marks, zero-width space, word
/// joiner, a byte-order mark inside the text, soft hyphen. Pages put them between (and inside)
/// words; left in, they split or hide words from language identification and matching.
/// The zero-width (non-)joiners are only dropped beside a space or at an end: between two
/// letters, Persian spelling and emoji need them.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// The text without [invisible controls](is_invisible_control), nor joiners that join
/// nothing; borrowed when it has none.
///
/// ```
/// use khabar_extract::decode::without_invisible_controls as visible;
/// assert_eq!(visible("\u{202E}Norway\u{200F} condemned\u{200C}"), "Norway condemned");
/// assert_eq!(visible("می\u{200C}خواهم"), "می\u{200C}خواهم");
/// assert_eq!(visible("a\u{200D}\u{200D}b \u{FEFF}c\u{00AD}d\u{2069}"), "ab cd");
/// assert!(matches!(visible("“quotes” – and ‘dashes’"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn without_invisible_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let mut hits = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).filter_map(|i| invisible_at(b, i).map(|(len, joiner)| (i, len, joiner))).peekable();
    if hits.peek().is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    // the runs between them are copied whole; a joiner stays only between two characters that
    // are neither spaces nor joiners (controls between them do not count)
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (i, len, joiner) in hits {
        out.push_str(&text[copied..i]);
        copied = i + len;
        if joiner {
            let joins = |n: Option<char>| n.is_some_and(|n| !n.is_whitespace() && !is_joiner(n));
            let before = text[..i].chars().rev().find(|&c| !is_invisible_control(c));
            let after = text[i + len..].chars().find(|&c| !is_invisible_control(c));
            if joins(before) && joins(after) {
                out.push_str(&text[i..i + len]);
            }
        }
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// The invisible control or joiner whose UTF-8 encoding starts at byte `i`, if one does: its
/// length and whether it is a joiner. Their lead bytes are `C2 AD`, `E2 80 8B`…`E2 81 A9` and
/// `EF BB BF`: a scan for those, not a decode of every character, runs over every page.
fn invisible_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let (x, y) = (b.get(i + 1).copied().unwrap_or(0), b.get(i + 2).copied().unwrap_or(0));
    match b[i] {
        0xC2 if x == 0xAD => Some((2, false)),
        0xE2 if x == 0x80 && matches!(y, 0x8C | 0x8D) => Some((3, true)),
        0xE2 if x == 0x80 && matches!(y, 0x8B | 0x8E | 0x8F | 0xAA..=0xAE) || x == 0x81 && matches!(y, 0xA0..=0xA4 | 0xA6..=0xA9) => Some((3, false)),
        0xEF if x == 0xBB && y == 0xBF => Some((3, false)),
        _ => None,
    }
}

#[cfg(test)]
fn has_invisible(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(|i| invisible_at(b, i).is_some())
}

/// Decodes a text file: BOM, else UTF-8 if valid, else the detected legacy charset.
pub fn decode_text(bytes: &[u8], name: &str) -> Result<String> {
    if let Some(enc) = utf16_without_bom(bytes) {
        return finish(enc.decode_without_bom_handling(bytes).0.into_owned(), name);
    }
    refuse_binary(bytes, name)?;
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return finish(enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned(), name);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let enc = detect(bytes);
    finish(enc.decode_without_bom_handling(bytes).0.into_owned(), name)
}

/// Decodes an HTML page.
///
/// In order: a byte-order mark; bytes that are valid UTF-8 (with non-ASCII in them, whatever the
/// page declares: legacy text is practically never valid UTF-8); the `<meta charset>` /
/// `http-equiv` declaration, unless it decodes with errors or detection is sure the page is in
/// another script's charset (a page that lies); else detection. Detection (chardetng, Firefox's
/// detector) only runs on pages that are not UTF-8, and on a sample from the first non-ASCII
/// byte, so the common case costs one UTF-8 validation.
pub fn decode_html(bytes: &[u8], name: &str) -> Result<String> {
    if let Some(enc) = utf16_without_bom(bytes) {
        return finish(enc.decode_without_bom_handling(bytes).0.into_owned(), name);
    }
    refuse_binary(bytes, name)?;
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return finish(enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned(), name);
    }
    let declared = declared_charset(bytes);
    if declared.is_some_and(|e| !e.is_ascii_compatible()) {
        // ISO-2022-JP and friends: 7-bit bytes that only the declaration can tell apart
        let enc = declared.unwrap_or(encoding_rs::UTF_8);
        return finish(enc.decode_without_bom_handling(bytes).0.into_owned(), name);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (detected, sure) = detect_assess(bytes);
    if let Some(enc) = declared.filter(|&e| e != encoding_rs::UTF_8) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        let lies = detected != enc
            && (had_errors || sure && (is_single_byte(enc) != is_single_byte(detected) || family(enc) != family(detected)));
        if !lies {
            return finish(text.into_owned(), name);
        }
    }
    finish(detected.decode_without_bom_handling(bytes).0.into_owned(), name)
}

/// The script a single-byte charset is for, to tell a lie ("Latin-1" on Arabic text) from a
/// near miss (windows-1250 for windows-1252).
fn family(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "windows-1251" | "KOI8-R" | "KOI8-U" | "ISO-8859-5" | "IBM866" | "x-mac-cyrillic" => "cyrillic",
        "windows-1256" | "ISO-8859-6" => "arabic",
        "windows-1253" | "ISO-8859-7" => "greek",
        "windows-1255" | "ISO-8859-8" | "ISO-8859-8-I" => "hebrew",
        "windows-874" => "thai",
        "windows-1258" => "vietnamese",
        _ if is_single_byte(enc) => "latin",
        _ => "multibyte",
    }
}

fn is_single_byte(enc: &'static Encoding) -> bool {
    !matches!(enc.name(), "UTF-8" | "GBK" | "gb18030" | "Big5" | "Shift_JIS" | "EUC-JP" | "EUC-KR" | "ISO-2022-JP" | "UTF-16LE" | "UTF-16BE")
}

/// Guesses a legacy charset with chardetng (Firefox's detector).
fn detect(bytes: &[u8]) -> &'static Encoding {
    detect_assess(bytes).0
}

/// Guesses a legacy charset from up to 64 KiB starting at the first non-ASCII byte, and says
/// whether the guess clearly beat another candidate.
fn detect_assess(bytes: &[u8]) -> (&'static Encoding, bool) {
    let from = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
    let from = from.saturating_sub(64);
    let sample = &bytes[from..bytes.len().min(from + 64 * 1024)];
    let mut det = chardetng::EncodingDetector::new();
    det.feed(sample, true);
    det.guess_assess(None, true)
}

/// The charset a page declares in its first 4 KiB (`<meta charset=…>` or `content="…; charset=…"`).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + 7;
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.')) {
            i += 1;
        }
        if i > start {
            if let Some(enc) = Encoding::for_label(&lower[start..i]) {
                // a page that claims UTF-16 in an ASCII-compatible meta tag is not UTF-16
                return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { encoding_rs::UTF_8 } else { enc });
            }
        }
        from = i.max(from + pos + 7);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Refuses data that is not text: NUL bytes or many control characters in the first 8 KiB.
/// UTF-16 without a byte-order mark (some Windows exports), which would otherwise look like
/// binary: every other byte (the high one) is nearly always the block of one alphabetic script
/// (Latin, Greek, Cyrillic, Hebrew, Arabic) or of punctuation, and the text it decodes to is
/// letters, spaces and punctuation. CJK text in UTF-16 without a BOM is not recognised.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    if head.len() < 32 {
        return None;
    }
    let pairs = head.len() / 2;
    for (enc, high) in [(encoding_rs::UTF_16LE, 1), (encoding_rs::UTF_16BE, 0)] {
        // (at least nine high bytes in ten in those blocks; read only until too many are not,
        // which for an ordinary page is within its first few hundred bytes)
        let mut not_script = 0;
        for &b in head.iter().skip(high).step_by(2) {
            not_script += usize::from(!matches!(b, 0x00..=0x06 | 0x20));
            if not_script * 10 > pairs {
                break;
            }
        }
        if not_script * 10 > pairs {
            continue;
        }
        let low_nul = head.iter().skip(1 - high).step_by(2).filter(|&&b| b == 0).count();
        if low_nul * 10 > pairs {
            continue;
        }
        let (text, had_errors) = enc.decode_without_bom_handling(head);
        let total = text.chars().count();
        let texty = text.chars().filter(|c| c.is_alphabetic() || c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '،' | '؛' | '؟')).count();
        if !had_errors && texty * 10 >= total * 9 {
            return Some(enc);
        }
    }
    None
}

fn refuse_binary(bytes: &[u8], name: &str) -> Result<()> {
    if bytes.is_empty() {
        return Err(Error::bad_input(name, "empty input"));
    }
    let head = &bytes[..bytes.len().min(8192)];
    let utf16_bom = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    if utf16_bom {
        return Ok(());
    }
    let nul = memchr::memchr(0, head).is_some();
    let ctrl = if nul { 0 } else { head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B)).count() };
    if nul || ctrl * 100 > head.len() * 2 {
        return Err(Error::bad_input(name, "binary data, not text or HTML"));
    }
    Ok(())
}

/// Refuses text that decoded mostly to replacement characters.
fn finish(text: String, name: &str) -> Result<String> {
    let total = text.chars().count().max(1);
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if bad * 10 > total {
        return Err(Error::bad_input(name, "cannot be decoded in any known charset"));
    }
    Ok(text)
}

/// Does this text look like an HTML document rather than plain text?
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(1024).collect::<String>().to_ascii_lowercase();
    head.starts_with('<') && ["<html", "<!doctype", "<body", "<head", "<p", "<div", "<meta"].iter().any(|t| head.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_every_invisible_control_and_nothing_else() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("x{c}y");
            assert_eq!(has_invisible(&s), is_invisible_control(c) || is_joiner(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn joiners_kept_between_letters_only() {
        // the character-by-character rule this scan replaced, over mixed text
        fn reference(text: &str) -> String {
            let kept: Vec<char> = text.chars().filter(|&c| !is_invisible_control(c)).collect();
            let joins = |n: Option<&char>| n.is_some_and(|n| !n.is_whitespace() && !is_joiner(*n));
            kept.iter().enumerate().filter(|&(i, &c)| !is_joiner(c) || i > 0 && joins(kept.get(i - 1)) && joins(kept.get(i + 1))).map(|(_, &c)| c).collect()
        }
        for t in ["می\u{200C}خواهم", "a\u{200D}\u{200D}b", "a\u{200B}\u{200C}\u{200B}b", " \u{200C}x", "x\u{200C}", "\u{200D}", "👩\u{200D}💻 ok\u{AD}ay\u{FEFF}", "é\u{202E}\u{200C}\u{202C}ß"] {
            assert_eq!(without_invisible_controls(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn windows_1256_arabic_with_a_declaration() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("<html><head><meta charset=\"windows-1256\"></head><body><p>وقعت سوريا وإيران اتفاقية عسكرية شاملة في دمشق</p></body></html>");
        let text = decode_html(&bytes, "t").unwrap();
        assert!(text.contains("وقعت سوريا وإيران"));
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Правительство России подписало соглашение с соседними странами в столице.");
        let text = decode_text(&bytes, "t").unwrap();
        assert!(text.contains("Правительство"));
    }

    #[test]
    fn a_page_that_lies_about_utf8_is_read_by_detection() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<html><head><meta charset=\"utf-8\"></head><body><p>新华社北京7月8日电 中国和伊朗签署了合作协议，双方同意加强合作。</p></body></html>");
        let text = decode_html(&bytes, "t").unwrap();
        assert!(text.contains("新华社北京"), "{text}");
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("نص".as_bytes());
        assert_eq!(decode_text(&bytes, "t").unwrap(), "نص");
    }

    #[test]
    fn binary_junk_is_refused_with_the_record_name() {
        let junk: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 256) as u8).collect();
        let err = decode_text(&junk, "junk.bin").unwrap_err().to_string();
        assert!(err.contains("junk.bin") && err.contains("binary"), "{err}");
    }

    #[test]
    fn declared_charset_is_read_from_http_equiv() {
        let html = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-6\">";
        assert_eq!(declared_charset(html), Some(encoding_rs::ISO_8859_6));
    }
}
