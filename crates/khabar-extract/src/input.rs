//! Finding records in what the user points at, safely.
//!
//! Every record carries a `name` (file path, `path:line` for JSONL, `path[i]` for the i-th
//! element of a JSON array, `archive.zip:entry` inside a zip, `file.warc:n` for the n-th WARC
//! record) used in error messages, and an `id` used as the article's `doc_id`. Reading never
//! trusts sizes: plain files are capped by [`Limits::max_record_bytes`], gzip is decompressed
//! through a capped reader so a bomb is refused, JSONL lines, JSON array elements and WARC
//! records are capped one by one, and zip entries are read through the same caps.
//!
//! Inputs: folders (walked recursively), `.txt`/`.html`/`.htm` (also `.gz`), `.jsonl`/`.ndjson`
//! (also `.gz`, and `.zst` with the `zstd` feature), `.json` (an array of records or one
//! record), `.warc`/`.warc.gz` (response and resource records), `.zip` archives of any of these,
//! and `-` for stdin (JSONL, a JSON array, or one page). JSON records are read through a
//! [`FieldMap`], so corpora with other field names work.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

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
    /// Headline given by the record.
    pub title: Option<String>,
    /// Publishing site (outlet) given by the record.
    pub site: Option<String>,
    /// Author given by the record.
    pub author: Option<String>,
}

impl Record {
    fn new(id: String, name: String, payload: Payload) -> Record {
        Record { id, name, payload, url: None, date: None, lang: None, title: None, site: None, author: None }
    }
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

/// Which field of a JSON record holds what. The defaults are the names of the JSONL contract
/// (`id`, `text`, `html`, `url`, `date`, `lang`, `title`, `site`, `author`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    /// Record id.
    pub id: String,
    /// Plain text body.
    pub text: String,
    /// HTML body (wins over `text` when both are present).
    pub html: String,
    /// URL.
    pub url: String,
    /// Publication date.
    pub date: String,
    /// Language.
    pub lang: String,
    /// Headline.
    pub title: String,
    /// Publishing site.
    pub site: String,
    /// Author.
    pub author: String,
}

impl Default for FieldMap {
    fn default() -> Self {
        let s = |x: &str| x.to_string();
        FieldMap {
            id: s("id"),
            text: s("text"),
            html: s("html"),
            url: s("url"),
            date: s("date"),
            lang: s("lang"),
            title: s("title"),
            site: s("site"),
            author: s("author"),
        }
    }
}

impl FieldMap {
    /// Parses `text=content,date=date_extracted,…`: each pair names khabar's field, then the
    /// corpus field that holds it. Fields not named keep their default names.
    ///
    /// ```
    /// let m = khabar_extract::input::FieldMap::parse("text=content, site=source").unwrap();
    /// assert_eq!(m.text, "content");
    /// assert_eq!(m.url, "url");
    /// ```
    pub fn parse(spec: &str) -> std::result::Result<FieldMap, String> {
        let mut map = FieldMap::default();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (ours, theirs) = pair.split_once('=').ok_or_else(|| format!("{pair:?}: expected FIELD=NAME"))?;
            let theirs = theirs.trim().to_string();
            if theirs.is_empty() {
                return Err(format!("{pair:?}: empty field name"));
            }
            let slot = match ours.trim() {
                "id" => &mut map.id,
                "text" => &mut map.text,
                "html" => &mut map.html,
                "url" => &mut map.url,
                "date" => &mut map.date,
                "lang" => &mut map.lang,
                "title" => &mut map.title,
                "site" | "source" => &mut map.site,
                "author" => &mut map.author,
                other => {
                    return Err(format!(
                        "unknown field {other:?}: expected id, text, html, url, date, lang, title, site or author"
                    ))
                }
            };
            *slot = theirs;
        }
        Ok(map)
    }
}

/// Everything that steers reading.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Size caps.
    pub limits: Limits,
    /// Field names of JSON records.
    pub fields: FieldMap,
    /// If given, bytes read from input files are added here as they are read (compressed
    /// bytes for compressed files), so a caller can show progress against [`input_bytes`].
    pub progress: Option<Arc<AtomicU64>>,
}

const EXTENSIONS: &[&str] =
    &["gz", "zst", "txt", "html", "htm", "xhtml", "jsonl", "ndjson", "json", "text", "warc", "zip"];

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
    read_inputs_with(paths, &ReadOptions { limits, ..ReadOptions::default() }, sink)
}

/// [`read_inputs`] with a field mapping and a progress counter.
pub fn read_inputs_with(paths: &[PathBuf], opts: &ReadOptions, sink: &mut dyn FnMut(Result<Record>)) {
    for p in paths {
        if p.as_os_str() == "-" {
            read_stdin(opts, sink);
        } else {
            for f in files_under(p, sink) {
                read_file(&f, opts, sink);
            }
        }
    }
}

/// Reads the records of `bytes` as [`read_inputs`] reads a file called `name`, whose
/// extensions say its kind and compression (`feed.jsonl.gz`, `crawl.warc`, `pages.zip`): for
/// callers that hold the bytes already (an upload, a fuzzer), with the same caps.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &ReadOptions, sink: &mut dyn FnMut(Result<Record>)) {
    let path = Path::new(name);
    let origin = Origin { name, id_base: doc_id_of(path) };
    let kind = kind_of(path);
    if kind == Some(Kind::Zip) {
        return read_zip(Cursor::new(bytes), &origin, 0, opts, sink);
    }
    read_stream(Box::new(bytes), compression_of(path), kind, &origin, opts, sink)
}

/// Total size on disk of the files [`read_inputs`] would read under `paths` (stdin counts 0).
pub fn input_bytes(paths: &[PathBuf]) -> u64 {
    paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .flat_map(|p| files_under(p, &mut |_| {}))
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

fn files_under(p: &Path, sink: &mut dyn FnMut(Result<Record>)) -> Vec<PathBuf> {
    if p.is_dir() {
        let mut files = Vec::new();
        collect_files(p, &mut files, sink, &mut std::collections::HashSet::new());
        files.sort();
        files
    } else {
        // a path named outright is read whatever it is: `<(zcat feed.jsonl.gz)` is a pipe
        vec![p.to_path_buf()]
    }
}

/// Walks `dir` for files of a kind khabar reads. A folder reached again through a symlink
/// (a loop, or a second name) is walked once; a FIFO, socket or device inside a folder is
/// reported and skipped, since opening one could wait forever.
fn collect_files(dir: &Path, out: &mut Vec<PathBuf>, sink: &mut dyn FnMut(Result<Record>), seen: &mut std::collections::HashSet<PathBuf>) {
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
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
            collect_files(&path, out, sink, seen);
        } else if kind_of(&path).is_some() {
            match std::fs::metadata(&path) {
                Ok(m) if !m.is_file() => {
                    sink(Err(Error::bad_input(path.display().to_string(), "not a regular file (a FIFO, socket or device): skipped")))
                }
                // a dangling link or one that loops: reading says so by name
                _ => out.push(path),
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Html,
    Jsonl,
    Json,
    Warc,
    Zip,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Compression {
    None,
    Gzip,
    Zstd,
}

fn compression_of(path: &Path) -> Compression {
    match path.extension().map(|e| e.to_ascii_lowercase()) {
        Some(e) if e == "gz" => Compression::Gzip,
        Some(e) if e == "zst" => Compression::Zstd,
        _ => Compression::None,
    }
}

fn kind_of(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".zst")).unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "txt" | "text" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        "json" => Some(Kind::Json),
        "warc" => Some(Kind::Warc),
        "zip" => Some(Kind::Zip),
        _ => None,
    }
}

/// A reader that adds what it reads to a shared counter.
struct Counting<R> {
    inner: R,
    counter: Option<Arc<AtomicU64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(c) = &self.counter {
            c.fetch_add(n as u64, Ordering::Relaxed);
        }
        Ok(n)
    }
}

impl<R: Seek> Seek for Counting<R> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// Where a stream came from: the name for messages and the base of default ids.
struct Origin<'a> {
    name: &'a str,
    id_base: String,
}

fn read_file(path: &Path, opts: &ReadOptions, sink: &mut dyn FnMut(Result<Record>)) {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return sink(Err(Error::Io { record: name, source: e })),
    };
    let file = Counting { inner: file, counter: opts.progress.clone() };
    let origin = Origin { name: &name, id_base: doc_id_of(path) };
    let kind = kind_of(path);
    if kind == Some(Kind::Zip) {
        return read_zip(file, &origin, 0, opts, sink);
    }
    read_stream(Box::new(file), compression_of(path), kind, &origin, opts, sink)
}

/// Reads one stream whose kind and compression are known from its name.
fn read_stream(
    raw: Box<dyn Read + '_>,
    compression: Compression,
    kind: Option<Kind>,
    origin: &Origin,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Record>),
) {
    let name = origin.name;
    let reader: Box<dyn Read + '_> = match compression {
        Compression::None => raw,
        Compression::Gzip => Box::new(MultiGzDecoder::new(raw)),
        Compression::Zstd => match zstd_reader(raw) {
            Ok(r) => r,
            Err(reason) => return sink(Err(Error::bad_input(name, reason))),
        },
    };
    let compressed = compression != Compression::None;
    match kind {
        Some(Kind::Jsonl) => read_jsonl(BufReader::new(reader), origin, opts, sink),
        Some(Kind::Json) => read_json(BufReader::with_capacity(1 << 16, reader), origin, opts, sink),
        Some(Kind::Warc) => read_warc(BufReader::with_capacity(1 << 16, reader), origin, opts, sink),
        Some(Kind::Zip) => match read_capped(reader, name, opts.limits, compressed) {
            Ok(bytes) => read_zip(Cursor::new(bytes), origin, 1, opts, sink),
            Err(e) => sink(Err(e)),
        },
        _ => {
            let bytes = match read_capped(reader, name, opts.limits, compressed) {
                Ok(b) => b,
                Err(e) => return sink(Err(e)),
            };
            let payload = match kind {
                Some(Kind::Html) => Payload::Html(bytes),
                _ => Payload::Bytes(bytes),
            };
            sink(Ok(Record::new(origin.id_base.clone(), name.to_string(), payload)))
        }
    }
}

#[cfg(feature = "zstd")]
fn zstd_reader<'a>(raw: Box<dyn Read + 'a>) -> std::result::Result<Box<dyn Read + 'a>, String> {
    zstd::stream::read::Decoder::new(raw).map(|d| Box::new(d) as Box<dyn Read + 'a>).map_err(|e| format!("broken zstd stream ({e})"))
}

#[cfg(not(feature = "zstd"))]
fn zstd_reader<'a>(_raw: Box<dyn Read + 'a>) -> std::result::Result<Box<dyn Read + 'a>, String> {
    Err("zstd input needs khabar built with the `zstd` feature".to_string())
}

/// Zip archives nest at most this deep (a zip inside a zip is read; one more level is refused).
const MAX_ZIP_DEPTH: usize = 1;

fn read_zip<R: Read + Seek>(reader: R, origin: &Origin, depth: usize, opts: &ReadOptions, sink: &mut dyn FnMut(Result<Record>)) {
    let name = origin.name;
    let mut archive = match zip::ZipArchive::new(reader) {
        Ok(a) => a,
        Err(e) => return sink(Err(Error::bad_input(name, format!("not a readable zip archive ({e})")))),
    };
    for i in 0..archive.len() {
        let entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                sink(Err(Error::bad_input(format!("{name}:#{i}"), format!("unreadable zip entry ({e})"))));
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let entry_name = match entry.name() {
            Ok(n) => n.to_string(),
            Err(e) => {
                sink(Err(Error::bad_input(format!("{name}:#{i}"), format!("unreadable zip entry name ({e})"))));
                continue;
            }
        };
        // archives made on Windows may separate folders with `\\`: a path either way, so that
        // `..\\page.txt` is `page.txt`, not a hidden file
        let unix_name = entry_name.replace('\\', "/");
        let entry_path = Path::new(&unix_name);
        let hidden = entry_name.starts_with("__MACOSX")
            || entry_path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let Some(kind) = kind_of(entry_path).filter(|_| !hidden) else { continue };
        let full = format!("{name}:{entry_name}");
        if kind == Kind::Zip && depth >= MAX_ZIP_DEPTH {
            sink(Err(Error::bad_input(full, "zip archives nested too deep")));
            continue;
        }
        let inner = Origin { name: &full, id_base: doc_id_of(entry_path) };
        // the entry reader decompresses as it goes; read_stream's caps bound what is kept
        read_stream(Box::new(entry), compression_of(entry_path), Some(kind), &inner, opts, sink);
    }
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

fn read_stdin(opts: &ReadOptions, sink: &mut dyn FnMut(Result<Record>)) {
    let stdin = io::stdin();
    let mut lock = stdin.lock();
    let peek = match lock.fill_buf() {
        Ok(b) => b.iter().find(|c| !c.is_ascii_whitespace()).copied(),
        Err(e) => return sink(Err(Error::Io { record: "<stdin>".into(), source: e })),
    };
    let origin = Origin { name: "<stdin>", id_base: "stdin".into() };
    if peek == Some(b'{') {
        return read_jsonl(lock, &origin, opts, sink);
    }
    if peek == Some(b'[') {
        return read_json(lock, &origin, opts, sink);
    }
    match read_capped(lock, "<stdin>", opts.limits, false) {
        Ok(bytes) => sink(Ok(Record::new("stdin".into(), "<stdin>".into(), Payload::Bytes(bytes)))),
        Err(e) => sink(Err(e)),
    }
}

/// One JSON record, read through the field map.
fn json_record(bytes: &[u8], where_: &str, default_id: String, fields: &FieldMap) -> Result<Record> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Error::bad_input(where_, format!("not a JSON record: {e}")))?;
    let serde_json::Value::Object(mut obj) = value else {
        return Err(Error::bad_input(where_, "not a JSON object"));
    };
    // only the id may be a number (corpora number their records); any other field of a wrong
    // type is ignored: a URL `5` shared by every record would make them all one article
    let id = match obj.remove(&fields.id) {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => default_id,
    };
    let mut take = |key: &str| -> Option<String> {
        match obj.remove(key)? {
            serde_json::Value::String(s) => Some(s),
            _ => None,
        }
    };
    let payload = match (take(&fields.html), take(&fields.text)) {
        (Some(h), _) if !h.trim().is_empty() => Payload::Html(h.into_bytes()),
        (_, Some(t)) => Payload::Text(t),
        (Some(h), None) => Payload::Html(h.into_bytes()),
        (None, None) => {
            return Err(Error::bad_input(
                where_,
                format!("record has neither {:?} nor {:?} (see --map)", fields.text, fields.html),
            ))
        }
    };
    let nonempty = |s: Option<String>| s.filter(|v| !v.trim().is_empty());
    Ok(Record {
        id,
        name: where_.to_string(),
        payload,
        url: nonempty(take(&fields.url)),
        date: nonempty(take(&fields.date)),
        // a language the coder could use, or none (then it is detected): `7`, `english` are not
        lang: nonempty(take(&fields.lang)).filter(|l| is_language_tag(l)),
        title: nonempty(take(&fields.title)),
        site: nonempty(take(&fields.site)),
        author: nonempty(take(&fields.author)),
    })
}

/// `ar`, `en`, `eng`, `en-GB`, `ar_SA`: a BCP 47 / ISO 639 tag of the shape khabar reads.
fn is_language_tag(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    matches!(primary.len(), 2 | 3) && primary.bytes().all(|b| b.is_ascii_alphabetic())
}

fn read_jsonl(mut reader: impl BufRead, origin: &Origin, opts: &ReadOptions, sink: &mut dyn FnMut(Result<Record>)) {
    let name = origin.name;
    let limits = opts.limits;
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        n += 1;
        let res = (&mut reader).take(limits.max_record_bytes + 1).read_until(b'\n', &mut line);
        match res {
            // a file of no bytes at all is a failed download more often than an empty feed
            Ok(0) if n == 1 => return sink(Err(Error::bad_input(name, "empty file"))),
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
            // skip the rest of the over-long line without keeping it: it may be a bomb's
            if let Err(e) = skip_line(&mut reader) {
                return sink(Err(Error::bad_input(&where_, e.to_string())));
            }
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        sink(json_record(&line, &where_, format!("{}:{n}", origin.id_base), &opts.fields));
    }
}

/// Consumes the rest of a line, a buffer at a time, keeping none of it.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// A `.json` file: an array of records (streamed element by element, each capped), or one
/// record.
fn read_json(mut reader: impl BufRead, origin: &Origin, opts: &ReadOptions, sink: &mut dyn FnMut(Result<Record>)) {
    let name = origin.name;
    let cap = opts.limits.max_record_bytes as usize;
    let io_err = |e: io::Error| match e.kind() {
        io::ErrorKind::UnexpectedEof => "truncated compressed stream".to_string(),
        _ => e.to_string(),
    };
    // the first significant byte says array or object
    let first = loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) => return sink(Err(Error::bad_input(name, io_err(e)))),
        };
        if buf.is_empty() {
            return sink(Err(Error::bad_input(name, "empty file")));
        }
        let skip = buf.iter().position(|c| !c.is_ascii_whitespace() && !matches!(c, 0xEF | 0xBB | 0xBF));
        match skip {
            Some(i) => {
                let c = buf[i];
                reader.consume(i);
                break c;
            }
            None => {
                let len = buf.len();
                reader.consume(len);
            }
        }
    };
    if first == b'{' {
        // one record, or JSON lines under a .json name
        let bytes = match read_capped(reader, name, opts.limits, false) {
            Ok(b) => b,
            Err(e) => return sink(Err(e)),
        };
        if serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_err()
            && bytes.split(|&c| c == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).nth(1).is_some()
        {
            return read_jsonl(Cursor::new(bytes), origin, opts, sink);
        }
        return sink(json_record(&bytes, name, origin.id_base.clone(), &opts.fields));
    }
    if first != b'[' {
        return sink(Err(Error::bad_input(name, "neither a JSON array nor a JSON object")));
    }
    reader.consume(1);
    let mut elem: Vec<u8> = Vec::new();
    let mut over = false;
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    let mut index = 0usize;
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) => return sink(Err(Error::bad_input(format!("{name}[{index}]"), io_err(e)))),
        };
        if buf.is_empty() {
            if depth > 0 || in_str || !elem.iter().all(u8::is_ascii_whitespace) {
                sink(Err(Error::bad_input(format!("{name}[{index}]"), "truncated JSON array")));
            } else {
                sink(Err(Error::bad_input(name, "JSON array not closed")));
            }
            return;
        }
        let mut start = 0;
        let mut done = false;
        let mut i = 0;
        while i < buf.len() {
            let c = buf[i];
            if in_str {
                if esc {
                    esc = false;
                } else if c == b'\\' {
                    esc = true;
                } else if c == b'"' {
                    in_str = false;
                }
            } else {
                match c {
                    b'"' => in_str = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b',' | b']' if depth == 0 => {
                        if !over {
                            if elem.len() + (i - start) > cap {
                                over = true;
                                elem.clear();
                            } else {
                                elem.extend_from_slice(&buf[start..i]);
                            }
                        }
                        emit_element(&mut elem, &mut over, &mut index, origin, opts, sink);
                        start = i + 1;
                        if c == b']' {
                            done = true;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        let end = if done { i + 1 } else { buf.len() };
        if !done && !over {
            if elem.len() + (end - start) > cap {
                over = true;
                elem.clear();
            } else {
                elem.extend_from_slice(&buf[start..end]);
            }
        }
        reader.consume(end);
        if done {
            return;
        }
    }
}

/// Hands one JSON array element (or its refusal) to `sink`; blank elements are not records.
fn emit_element(
    elem: &mut Vec<u8>,
    over: &mut bool,
    index: &mut usize,
    origin: &Origin,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Record>),
) {
    let blank = elem.iter().all(u8::is_ascii_whitespace);
    if *over || !blank {
        let where_ = format!("{}[{index}]", origin.name);
        if *over {
            sink(Err(Error::bad_input(&where_, "element larger than the record limit")));
        } else {
            sink(json_record(elem, &where_, format!("{}:{index}", origin.id_base), &opts.fields));
        }
        *index += 1;
    }
    elem.clear();
    *over = false;
}

/// Reads one line (up to `\n`) of at most 64 KiB: WARC and HTTP header lines.
fn header_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    line.clear();
    reader.take(64 * 1024).read_until(b'\n', line)
}

/// WARC files: `response` records of HTTP pages and `resource` records of HTML or text become
/// records (URL from WARC-Target-URI, date from WARC-Date); other records are skipped.
fn read_warc(mut reader: impl BufRead, origin: &Origin, opts: &ReadOptions, sink: &mut dyn FnMut(Result<Record>)) {
    let name = origin.name;
    let cap = opts.limits.max_record_bytes;
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        // skip the blank lines that end the previous record
        let first = loop {
            match header_line(&mut reader, &mut line) {
                Ok(0) if n == 0 => return sink(Err(Error::bad_input(name, "empty file"))),
                Ok(0) => return,
                Ok(_) if line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => break String::from_utf8_lossy(&line).trim().to_string(),
                Err(e) => return sink(Err(Error::bad_input(format!("{name}:{}", n + 1), warc_io(e)))),
            }
        };
        n += 1;
        let where_ = format!("{name}:{n}");
        if !first.starts_with("WARC/") {
            return sink(Err(Error::bad_input(&where_, format!("not a WARC record (starts {:?})", truncate(&first, 40)))));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match header_line(&mut reader, &mut line) {
                Ok(0) => return sink(Err(Error::bad_input(&where_, "truncated WARC headers"))),
                Ok(_) => {}
                Err(e) => return sink(Err(Error::bad_input(&where_, warc_io(e)))),
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let get = |k: &str| headers.iter().find(|(h, _)| h == k).map(|(_, v)| v.as_str());
        let Some(len) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            return sink(Err(Error::bad_input(&where_, "WARC record without a Content-Length")));
        };
        let wtype = get("warc-type").unwrap_or("").to_ascii_lowercase();
        let ctype = get("content-type").unwrap_or("").to_ascii_lowercase();
        let wanted = (wtype == "response" && ctype.contains("application/http"))
            || (wtype == "resource" && (ctype.contains("html") || ctype.starts_with("text/")));
        if !wanted || len > cap {
            let skipped = io::copy(&mut (&mut reader).take(len), &mut io::sink());
            match skipped {
                Ok(k) if k == len => {}
                Ok(_) => return sink(Err(Error::bad_input(&where_, "truncated WARC record"))),
                Err(e) => return sink(Err(Error::bad_input(&where_, warc_io(e)))),
            }
            if wanted {
                sink(Err(Error::bad_input(&where_, format!("larger than the {} MiB limit", cap >> 20))));
            }
            continue;
        }
        // the length is the file's word: reserve for it only up to a MiB
        let mut block = Vec::with_capacity(len.min(1 << 20) as usize);
        match (&mut reader).take(len).read_to_end(&mut block) {
            Ok(k) if k as u64 == len => {}
            Ok(_) => return sink(Err(Error::bad_input(&where_, "truncated WARC record"))),
            Err(e) => return sink(Err(Error::bad_input(&where_, warc_io(e)))),
        }
        let url = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        let id = match &url {
            Some(u) if !u.is_empty() => u.clone(),
            _ => get("warc-record-id").map(|r| r.trim_matches(['<', '>']).to_string()).unwrap_or_else(|| format!("{}:{n}", origin.id_base)),
        };
        let date = get("warc-date").map(str::to_string);
        let body = if wtype == "response" {
            match http_body(block, opts.limits) {
                Ok(Some(b)) => b,
                Ok(None) => continue, // not an HTML or text response: nothing to extract
                Err(reason) => {
                    sink(Err(Error::bad_input(&where_, reason)));
                    continue;
                }
            }
        } else {
            block
        };
        if body.is_empty() {
            sink(Err(Error::bad_input(&where_, "empty response body")));
            continue;
        }
        let mut rec = Record::new(id, where_, Payload::Html(body));
        rec.url = url;
        rec.date = date;
        sink(Ok(rec));
    }
}

fn warc_io(e: io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof => "truncated gzip stream".to_string(),
        _ => format!("cannot read WARC ({e})"),
    }
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The body of an HTTP response, de-chunked and gunzipped; `None` when it is not HTML or text.
fn http_body(block: Vec<u8>, limits: Limits) -> std::result::Result<Option<Vec<u8>>, String> {
    let split = find(&block, b"\r\n\r\n").map(|i| (i, 4)).or_else(|| find(&block, b"\n\n").map(|i| (i, 2)));
    let Some((at, sep)) = split else { return Err("HTTP response without a header end".into()) };
    let head = String::from_utf8_lossy(&block[..at]).to_ascii_lowercase();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    if !status.starts_with("http/") {
        return Err(format!("not an HTTP response ({:?})", truncate(status, 40)));
    }
    let header = |k: &str| {
        head.lines().skip(1).find_map(|l| l.split_once(':').filter(|(h, _)| h.trim() == k).map(|(_, v)| v.trim().to_string()))
    };
    let ctype = header("content-type").unwrap_or_default();
    if !ctype.is_empty() && !ctype.contains("html") && !ctype.starts_with("text/") {
        return Ok(None);
    }
    let mut body = block[at + sep..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body).unwrap_or(body);
    }
    if header("content-encoding").is_some_and(|t| t.contains("gzip")) {
        let mut out = Vec::new();
        let res = MultiGzDecoder::new(&body[..]).take(limits.max_record_bytes + 1).read_to_end(&mut out);
        if res.is_err() {
            return Err("broken gzip content encoding".into());
        }
        if out.len() as u64 > limits.max_record_bytes {
            return Err(format!("larger than the {} MiB limit once decompressed", limits.max_record_bytes >> 20));
        }
        body = out;
    }
    Ok(Some(body))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let nl = find(data, b"\n")?;
        let size_str = String::from_utf8_lossy(&data[..nl]);
        let size = usize::from_str_radix(size_str.trim().split(';').next()?.trim(), 16).ok()?;
        data = &data[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").or_else(|| data.strip_prefix(b"\n")).unwrap_or(data);
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
    fn bytes_in_memory_are_read_as_the_file_of_that_name() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"{\"id\": \"m1\", \"text\": \"One.\"}\nnot json\n").unwrap();
        let gz = enc.finish().unwrap();
        let (mut ok, mut err) = (Vec::new(), Vec::new());
        read_bytes("feed.jsonl.gz", &gz, &ReadOptions::default(), &mut |r| match r {
            Ok(r) => ok.push(r.id),
            Err(e) => err.push(e.to_string()),
        });
        assert_eq!(ok, vec!["m1"]);
        assert_eq!(err.len(), 1);
        assert!(err[0].starts_with("feed.jsonl.gz:2: not a JSON record"), "{err:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_walked_once_and_a_fifo_is_skipped_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("d");
        std::fs::create_dir(&d).unwrap();
        std::fs::write(d.join("good.txt"), "Some text.").unwrap();
        std::os::unix::fs::symlink("..", d.join("loop")).unwrap();
        std::os::unix::fs::symlink("self.txt", d.join("self.txt")).unwrap();
        let fifo = std::process::Command::new("mkfifo").arg(d.join("pipe.txt")).status().is_ok_and(|s| s.success());
        // before the fix: good.txt read 30 times over (d/loop/d/loop/…), then a hang on the FIFO
        let (ok, err) = collect(&[dir.path().to_path_buf()], Limits::default());
        assert_eq!(ok.len(), 1, "{:?}", ok.iter().map(|r| &r.name).collect::<Vec<_>>());
        assert!(err.iter().any(|e| e.contains("self.txt")), "{err:?}");
        if fifo {
            assert!(err.iter().any(|e| e.contains("pipe.txt") && e.contains("not a regular file")), "{err:?}");
        }
        assert_eq!(err.len(), 1 + fifo as usize, "{err:?}");
    }

    #[test]
    fn windows_separators_in_zip_names_are_folders_and_empty_feeds_are_named() {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for name in ["..\\..\\page.txt", "dir\\story.txt"] {
            z.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(b"Some text.").unwrap();
        }
        let bytes = z.finish().unwrap().into_inner();
        let (mut ok, mut err) = (Vec::new(), Vec::new());
        let mut sink = |r: Result<Record>| match r {
            Ok(r) => ok.push(r.id),
            Err(e) => err.push(e.to_string()),
        };
        // before: `..\..\page.txt` was taken for a hidden file and dropped without a word
        read_bytes("w.zip", &bytes, &ReadOptions::default(), &mut sink);
        read_bytes("feed.jsonl", b"", &ReadOptions::default(), &mut sink);
        read_bytes("crawl.warc", b"", &ReadOptions::default(), &mut sink);
        assert_eq!(ok, vec!["page", "story"]);
        assert_eq!(err, vec!["feed.jsonl: empty file", "crawl.warc: empty file"]);
    }

    #[test]
    fn an_over_long_line_is_skipped_and_the_next_read() {
        let mut data = b"{\"id\": \"long\", \"text\": \"".to_vec();
        data.extend(std::iter::repeat_n(b'a', 5000));
        data.extend_from_slice(b"\"}\n{\"id\": \"next\", \"text\": \"Some text.\"}\n");
        let opts = ReadOptions { limits: Limits { max_record_bytes: 1000 }, ..ReadOptions::default() };
        let (mut ok, mut err) = (Vec::new(), Vec::new());
        read_bytes("f.jsonl", &data, &opts, &mut |r| match r {
            Ok(r) => ok.push(r.id),
            Err(e) => err.push(e.to_string()),
        });
        assert_eq!(ok, vec!["next"]);
        assert_eq!(err, vec!["f.jsonl:1: line larger than the record limit"]);
    }

    #[test]
    fn fields_of_a_wrong_type_are_ignored_not_turned_into_text() {
        let data = b"{\"id\": 7, \"text\": \"One.\", \"url\": 5, \"lang\": 7, \"date\": {\"y\": 2020}}\n\
                     {\"id\": 8, \"text\": \"Two.\", \"url\": 5, \"lang\": \"english\"}\n\
                     {\"id\": 9, \"text\": true}\n{\"id\": 10, \"text\": \"Three.\", \"lang\": \"en-GB\"}\n";
        let (mut ok, mut err) = (Vec::new(), Vec::new());
        read_bytes("f.jsonl", data, &ReadOptions::default(), &mut |r| match r {
            Ok(r) => ok.push((r.id, r.url, r.lang, r.date)),
            Err(e) => err.push(e.to_string()),
        });
        // before: both records had the URL "5" (so the store kept one) and the language "7"
        assert_eq!(ok[0], ("7".into(), None, None, None));
        assert_eq!(ok[1], ("8".into(), None, None, None));
        assert_eq!(ok[2], ("10".into(), None, Some("en-GB".into()), None));
        assert_eq!(err.len(), 1);
        assert!(err[0].starts_with("f.jsonl:3: record has neither"), "{err:?}");
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

    const SAUDI_LIKE: &str = r#"[
    {"source": "okaz", "url": "http://x.sa/1", "date_extracted": "2015-07-21 02:51:32", "title": "عنوان", "author": "", "content": "نص الخبر الأول, مع \"اقتباس\" و [قوسين] و {معقوفين}."},
    {"source": "was", "url": "http://x.sa/2", "date_extracted": "2015-07-21", "title": "t2", "content": "Second, story."},
    "not an object",
    {"source": "was", "url": "http://x.sa/3"}
]"#;

    fn saudi_map() -> FieldMap {
        FieldMap::parse("text=content,date=date_extracted,url=url,title=title,site=source").unwrap()
    }

    fn collect_with(paths: &[PathBuf], opts: &ReadOptions) -> (Vec<Record>, Vec<String>) {
        let (mut ok, mut err) = (Vec::new(), Vec::new());
        read_inputs_with(paths, opts, &mut |r| match r {
            Ok(r) => ok.push(r),
            Err(e) => err.push(e.to_string()),
        });
        (ok, err)
    }

    #[test]
    fn field_maps_parse_and_refuse_unknown_fields() {
        let m = saudi_map();
        assert_eq!((m.text.as_str(), m.site.as_str(), m.id.as_str()), ("content", "source", "id"));
        assert!(FieldMap::parse("body=content").is_err());
        assert!(FieldMap::parse("text").is_err());
    }

    #[test]
    fn json_arrays_are_streamed_through_the_field_map() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2015-07-21.json");
        std::fs::write(&path, SAUDI_LIKE).unwrap();
        let opts = ReadOptions { fields: saudi_map(), ..ReadOptions::default() };
        let (ok, err) = collect_with(&[path], &opts);
        assert_eq!(ok.len(), 2, "{err:?}");
        assert_eq!(ok[0].id, "2015-07-21:0");
        assert_eq!(ok[0].site.as_deref(), Some("okaz"));
        assert_eq!(ok[0].author, None, "empty fields are absent");
        assert_eq!(ok[0].date.as_deref(), Some("2015-07-21 02:51:32"));
        assert!(matches!(&ok[0].payload, Payload::Text(t) if t.contains("{معقوفين}")));
        assert_eq!(ok[1].title.as_deref(), Some("t2"));
        assert_eq!(err.len(), 2);
        assert!(err[0].contains("2015-07-21.json[2]") && err[0].contains("not a JSON object"), "{}", err[0]);
        assert!(err[1].contains("[3]") && err[1].contains("content"), "{}", err[1]);
    }

    #[test]
    fn json_array_elements_are_capped_and_truncation_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let big = format!(r#"[{{"text": "{}"}}, {{"text": "small"}}]"#, "a".repeat(5000));
        std::fs::write(dir.path().join("big.json"), big).unwrap();
        std::fs::write(dir.path().join("cut.json"), r#"[{"text": "one"}, {"text": "tw"#).unwrap();
        let opts = ReadOptions { limits: Limits { max_record_bytes: 1000 }, ..ReadOptions::default() };
        let (ok, err) = collect_with(&[dir.path().to_path_buf()], &opts);
        let texts: Vec<_> = ok.iter().map(|r| r.name.clone()).collect();
        assert_eq!(texts.len(), 2, "{texts:?} {err:?}");
        assert!(err.iter().any(|e| e.contains("big.json[0]") && e.contains("limit")), "{err:?}");
        assert!(err.iter().any(|e| e.contains("cut.json[1]") && e.contains("truncated")), "{err:?}");
    }

    #[test]
    fn zip_archives_of_json_arrays_and_jsonl_gz_are_read() {
        use zip::write::SimpleFileOptions;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.zip");
        let mut w = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        w.start_file("2015-07-21.json", o).unwrap();
        w.write_all(SAUDI_LIKE.as_bytes()).unwrap();
        w.start_file("more/b.jsonl.gz", o).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"{\"content\": \"from jsonl.gz\", \"url\": \"http://x.sa/9\"}\n").unwrap();
        w.write_all(&gz.finish().unwrap()).unwrap();
        w.start_file("__MACOSX/._junk.json", o).unwrap();
        w.write_all(b"junk").unwrap();
        w.start_file("readme.md", o).unwrap();
        w.write_all(b"ignored").unwrap();
        w.finish().unwrap();
        let progress = Arc::new(AtomicU64::new(0));
        let opts = ReadOptions { fields: saudi_map(), progress: Some(progress.clone()), ..ReadOptions::default() };
        let (ok, err) = collect_with(&[dir.path().to_path_buf()], &opts);
        assert_eq!(ok.len(), 3, "{err:?}");
        assert_eq!(err.len(), 2, "{err:?}");
        assert!(ok[0].name.ends_with("corpus.zip:2015-07-21.json[0]"), "{}", ok[0].name);
        assert_eq!(ok[2].url.as_deref(), Some("http://x.sa/9"));
        assert!(ok[2].name.ends_with("corpus.zip:more/b.jsonl.gz:1"), "{}", ok[2].name);
        let size = std::fs::metadata(&path).unwrap().len();
        assert_eq!(input_bytes(&[dir.path().to_path_buf()]), size);
        assert!(progress.load(Ordering::Relaxed) >= size / 2);
    }

    #[test]
    fn a_broken_zip_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.zip");
        std::fs::write(&path, b"PK\x03\x04 not really").unwrap();
        let (ok, err) = collect(&[path], Limits::default());
        assert!(ok.is_empty());
        assert!(err[0].contains("bad.zip") && err[0].contains("zip"), "{}", err[0]);
    }

    fn warc_record(kind: &str, uri: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2020-07-08T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn sample_warc() -> Vec<u8> {
        let mut w = warc_record("warcinfo", "", "application/warc-fields", b"software: test\r\n");
        w.extend(warc_record("request", "http://e.x/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"));
        w.extend(warc_record(
            "response",
            "http://e.x/a",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Page A</p></body></html>",
        ));
        w.extend(warc_record(
            "response",
            "http://e.x/logo.png",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        w.extend(warc_record(
            "response",
            "http://e.x/b",
            "application/http; msgtype=response",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>Pa\r\n9\r\nge B</p>\n\r\n0\r\n\r\n",
        ));
        w
    }

    #[test]
    fn warc_response_records_become_pages() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("crawl.warc"), sample_warc()).unwrap();
        // each record its own gzip member, as WARC.gz files are written
        let mut gz = Vec::new();
        let w = sample_warc();
        let cut = w.windows(8).position(|x| x == b"WARC/1.0").into_iter().chain(
            w.windows(8).enumerate().filter(|(_, x)| *x == b"WARC/1.0").map(|(i, _)| i).skip(1),
        );
        let mut starts: Vec<usize> = cut.collect();
        starts.dedup();
        starts.push(w.len());
        for p in starts.windows(2) {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(&w[p[0]..p[1]]).unwrap();
            gz.extend(e.finish().unwrap());
        }
        std::fs::write(dir.path().join("crawl2.warc.gz"), gz).unwrap();
        let (ok, err) = collect(&[dir.path().to_path_buf()], Limits::default());
        assert!(err.is_empty(), "{err:?}");
        assert_eq!(ok.len(), 4);
        for r in &ok {
            assert!(matches!(&r.payload, Payload::Html(b) if String::from_utf8_lossy(b).contains("Page")), "{r:?}");
        }
        assert_eq!(ok[0].url.as_deref(), Some("http://e.x/a"));
        assert_eq!(ok[0].date.as_deref(), Some("2020-07-08T10:00:00Z"));
        assert!(matches!(&ok[1].payload, Payload::Html(b) if b == b"<p>Page B</p>\n"));
        assert!(ok[1].name.ends_with("crawl.warc:5"), "{}", ok[1].name);
    }

    #[test]
    fn garbage_named_warc_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.warc");
        std::fs::write(&path, "hello\n").unwrap();
        let (ok, err) = collect(&[path], Limits::default());
        assert!(ok.is_empty());
        assert!(err[0].contains("x.warc:1") && err[0].contains("not a WARC"), "{}", err[0]);
    }

    #[test]
    fn zstd_jsonl_is_read_or_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl.zst");
        let line = b"{\"id\": \"z1\", \"text\": \"From zstd.\"}\n";
        #[cfg(feature = "zstd")]
        std::fs::write(&path, zstd::encode_all(&line[..], 3).unwrap()).unwrap();
        #[cfg(not(feature = "zstd"))]
        std::fs::write(&path, line).unwrap();
        let (ok, err) = collect(&[dir.path().to_path_buf()], Limits::default());
        if cfg!(feature = "zstd") {
            assert_eq!(ok.len(), 1, "{err:?}");
            assert_eq!(ok[0].id, "z1");
        } else {
            assert!(ok.is_empty());
            assert!(err[0].contains("r.jsonl.zst") && err[0].contains("zstd"), "{}", err[0]);
        }
    }

    #[test]
    fn a_json_file_may_hold_one_record_or_json_lines() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("one.json"), "{\"id\": \"o\",\n \"text\": \"One record.\"}").unwrap();
        std::fs::write(dir.path().join("lines.json"), "{\"id\": \"l1\", \"text\": \"a\"}\n{\"id\": \"l2\", \"text\": \"b\"}\n").unwrap();
        let (ok, err) = collect(&[dir.path().to_path_buf()], Limits::default());
        assert!(err.is_empty(), "{err:?}");
        let ids: Vec<_> = ok.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["l1", "l2", "o"]);
        assert!(ok[1].name.ends_with("lines.json:2"), "{}", ok[1].name);
    }
}
