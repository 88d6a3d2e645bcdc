//! Finding records in what the user points at, safely.
//!
//! Every record carries a `name` (file path, or `path:line` for JSONL) used in error messages,
//! and an `id` used as the article's `doc_id`. Reading never trusts sizes: plain files are capped
//! by [`Limits::max_record_bytes`], gzip is decompressed through a capped reader so a bomb is
//! refused, and JSONL lines are capped one by one.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use khabar_core::{Error, Result};

/// What a record holds, as far as reading can tell.
#[derive(Debug, Clone)]
pub enum Payload {
    /// Already-decoded text (a JSONL "text" field): a sentence, a story or a scrape.
    Text(String),
    /// HTML bytes in an unknown charset.
    Html(Vec<u8>),
    /// Bytes in an unknown charset that may be text or HTML.
    Bytes(Vec<u8>),
}

/// One input record.
#[derive(Debug, Clone)]
pub struct Record {
    /// The article id: JSONL `id`, or the file name without its extensions.
    pub id: String,
    /// Where it came from, for messages: `path` or `path:line`.
    pub name: String,
    /// Its content.
    pub payload: Payload,
    /// URL given by the record.
    pub url: Option<String>,
    /// Date given by the record (publication date).
    pub date: Option<String>,
    /// Language given by the record.
    pub lang: Option<String>,
}

/// Caps that keep hostile input from exhausting memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest record (after decompression) that is read, in bytes.
    pub max_record_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_record_bytes: 32 * 1024 * 1024 }
    }
}

const EXTENSIONS: &[&str] = &["gz", "txt", "html", "htm", "xhtml", "jsonl", "ndjson", "json", "text"];

/// The file name without the extensions khabar knows ("story.html.gz" → "story").
pub fn doc_id_of(path: &Path) -> String {
    let mut name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    while let Some((stem, ext)) = name.rsplit_once('.') {
        if !stem.is_empty() && EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            name = stem.to_string();
        } else {
            break;
        }
    }
    name
}

/// Reads every record under `paths` (files, folders recursively, or `-` for stdin) and hands
/// each to `sink`, in a stable order. A record that cannot be read reaches `sink` as an
/// `Err` naming it; reading then goes on with the next one.
pub fn read_inputs(paths: &[PathBuf], limits: Limits, sink: &mut dyn FnMut(Result<Record>)) {
    for p in paths {
        if p.as_os_str() == "-" {
            read_stdin(limits, sink);
        } else if p.is_dir() {
            let mut files = Vec::new();
            collect_files(p, &mut files, sink);
            files.sort();
            for f in files {
                read_file(&f, limits, sink);
            }
        } else {
            read_file(p, limits, sink);
        }
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>, sink: &mut dyn FnMut(Result<Record>)) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return sink(Err(Error::Io { record: dir.display().to_string(), source: e })),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, out, sink);
        } else if kind_of(&path).is_some() {
            out.push(path);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Html,
    Jsonl,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "txt" | "text" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

fn is_gzip(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

fn read_file(path: &Path, limits: Limits, sink: &mut dyn FnMut(Result<Record>)) {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return sink(Err(Error::Io { record: name, source: e })),
    };
    let gz = is_gzip(path);
    let kind = kind_of(path);
    if kind == Some(Kind::Jsonl) {
        let reader: Box<dyn Read> = if gz { Box::new(MultiGzDecoder::new(file)) } else { Box::new(file) };
        return read_jsonl(BufReader::new(reader), &name, limits, sink);
    }
    let bytes = if gz {
        read_capped(MultiGzDecoder::new(file), &name, limits, true)
    } else {
        read_capped(file, &name, limits, false)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return sink(Err(e)),
    };
    let payload = match kind {
        Some(Kind::Html) => Payload::Html(bytes),
        _ => Payload::Bytes(bytes),
    };
    sink(Ok(Record { id: doc_id_of(path), name, payload, url: None, date: None, lang: None }));
}

/// Reads at most `max_record_bytes`; more is an error, not a silent truncation.
fn read_capped(reader: impl Read, name: &str, limits: Limits, gz: bool) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    let res = reader.take(limits.max_record_bytes + 1).read_to_end(&mut buf);
    if let Err(e) = res {
        let reason = if gz {
            match e.kind() {
                io::ErrorKind::UnexpectedEof => "truncated gzip stream".to_string(),
                _ => format!("broken gzip stream ({e})"),
            }
        } else {
            return Err(Error::Io { record: name.to_string(), source: e });
        };
        return Err(Error::bad_input(name, reason));
    }
    if buf.len() as u64 > limits.max_record_bytes {
        return Err(Error::bad_input(
            name,
            format!("larger than the {} MiB limit{}", limits.max_record_bytes >> 20, if gz { " once decompressed" } else { "" }),
        ));
    }
    if buf.is_empty() {
        return Err(Error::bad_input(name, "empty file"));
    }
    Ok(buf)
}

fn read_stdin(limits: Limits, sink: &mut dyn FnMut(Result<Record>)) {
    let stdin = io::stdin();
    let mut lock = stdin.lock();
    let peek = match lock.fill_buf() {
        Ok(b) => b.iter().find(|c| !c.is_ascii_whitespace()).copied(),
        Err(e) => return sink(Err(Error::Io { record: "<stdin>".into(), source: e })),
    };
    if peek == Some(b'{') {
        return read_jsonl(lock, "<stdin>", limits, sink);
    }
    match read_capped(lock, "<stdin>", limits, false) {
        Ok(bytes) => sink(Ok(Record {
            id: "stdin".into(),
            name: "<stdin>".into(),
            payload: Payload::Bytes(bytes),
            url: None,
            date: None,
            lang: None,
        })),
        Err(e) => sink(Err(e)),
    }
}

/// One JSONL record: `{"id", "text" | "html", "url"?, "date"?, "lang"?}`; other fields ignored.
#[derive(serde::Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    date: Option<String>,
    lang: Option<String>,
}

fn read_jsonl(mut reader: impl BufRead, name: &str, limits: Limits, sink: &mut dyn FnMut(Result<Record>)) {
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        n += 1;
        let res = (&mut reader).take(limits.max_record_bytes + 1).read_until(b'\n', &mut line);
        match res {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) => {
                let reason = match e.kind() {
                    io::ErrorKind::UnexpectedEof => "truncated gzip stream".to_string(),
                    _ => e.to_string(),
                };
                return sink(Err(Error::bad_input(format!("{name}:{n}"), reason)));
            }
        }
        let where_ = format!("{name}:{n}");
        if line.len() as u64 > limits.max_record_bytes {
            sink(Err(Error::bad_input(&where_, "line larger than the record limit")));
            // skip the rest of the over-long line
            let mut rest = Vec::new();
            let _ = reader.read_until(b'\n', &mut rest);
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let rec: JsonRecord = match serde_json::from_slice(&line) {
            Ok(r) => r,
            Err(e) => {
                sink(Err(Error::bad_input(&where_, format!("not a JSON record: {e}"))));
                continue;
            }
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(k)) => k.to_string(),
            _ => format!("{}:{n}", doc_id_of(Path::new(name))),
        };
        let payload = match (rec.html, rec.text) {
            (Some(h), _) => Payload::Html(h.into_bytes()),
            (None, Some(t)) => Payload::Text(t),
            (None, None) => {
                sink(Err(Error::bad_input(&where_, "record has neither \"text\" nor \"html\"")));
                continue;
            }
        };
        sink(Ok(Record { id, name: where_, payload, url: rec.url, date: rec.date, lang: rec.lang }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn collect(paths: &[PathBuf], limits: Limits) -> (Vec<Record>, Vec<String>) {
        let (mut ok, mut err) = (Vec::new(), Vec::new());
        read_inputs(paths, limits, &mut |r| match r {
            Ok(r) => ok.push(r),
            Err(e) => err.push(e.to_string()),
        });
        (ok, err)
    }

    #[test]
    fn doc_ids_drop_known_extensions_only() {
        assert_eq!(doc_id_of(Path::new("a/000_b94.txt")), "000_b94");
        assert_eq!(doc_id_of(Path::new("page.html.gz")), "page");
        assert_eq!(doc_id_of(Path::new("2020.07.08-story.txt")), "2020.07.08-story");
    }

    #[test]
    fn folders_are_walked_and_jsonl_records_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "Some text.").unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        std::fs::write(
            dir.path().join("b.jsonl"),
            "{\"id\": \"r1\", \"text\": \"One.\", \"extra\": 1}\n\n{\"id\": 7, \"html\": \"<p>x</p>\", \"url\": \"http://e.x/\"}\nnot json\n",
        )
        .unwrap();
        let (ok, err) = collect(&[dir.path().to_path_buf()], Limits::default());
        let ids: Vec<_> = ok.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["r1", "7", "a"]);
        assert_eq!(ok[1].url.as_deref(), Some("http://e.x/"));
        assert_eq!(err.len(), 1);
        assert!(err[0].contains("b.jsonl:4"), "{}", err[0]);
    }

    #[test]
    fn truncated_gzip_is_named_and_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&b"<html><body><p>hello world</p></body></html>".repeat(50)).unwrap();
        let full = enc.finish().unwrap();
        let path = dir.path().join("cut.html.gz");
        std::fs::write(&path, &full[..full.len() / 2]).unwrap();
        let (ok, err) = collect(&[path], Limits::default());
        assert!(ok.is_empty());
        assert!(err[0].contains("cut.html.gz") && err[0].contains("gzip"), "{}", err[0]);
    }

    #[test]
    fn gzip_bomb_is_refused_by_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![b'a'; 4 << 20]).unwrap();
        let path = dir.path().join("bomb.txt.gz");
        std::fs::write(&path, enc.finish().unwrap()).unwrap();
        let (ok, err) = collect(&[path], Limits { max_record_bytes: 1 << 20 });
        assert!(ok.is_empty());
        assert!(err[0].contains("limit"), "{}", err[0]);
    }

    #[test]
    fn empty_and_missing_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let (ok, err) = collect(&[empty, dir.path().join("missing.txt")], Limits::default());
        assert!(ok.is_empty());
        assert!(err[0].contains("empty.txt") && err[0].contains("empty"));
        assert!(err[1].contains("missing.txt"));
    }
}
