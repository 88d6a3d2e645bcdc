//! `khabar._native`: the Rust side of the Python package. Every call goes through the same
//! library functions as the `khabar` CLI (`khabar_extract::input::read_bytes`,
//! `khabar_extract::extract`, `khabar_coder::code_article`) and the same Arrow columns as
//! `khabar export --format parquet` (`khabar_output::arrow`), so a record gives here exactly
//! what the CLI gives for it. The Python wrappers are in `khabar/__init__.py`.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use arrow_array::{Array, BinaryArray, LargeBinaryArray, LargeStringArray, RecordBatch, StringArray};
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use arrow_schema::{DataType, Field, Schema};
use khabar_coder::Options;
use khabar_core::{Article, Event};
use khabar_extract::input::{read_bytes, FieldMap, Limits, Payload, ReadOptions, Record};
use khabar_output::arrow::{batch, schema, Row};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// What a call reads and codes with: the CLI's flags.
#[derive(Clone)]
struct Config {
    read: ReadOptions,
    code: Options,
}

impl Config {
    fn new(fields: Option<&str>, max_mib: u64, keep_negated: bool, keep_incomplete: bool, require_source: bool, all: bool) -> PyResult<Config> {
        let fields = match fields {
            Some(spec) => FieldMap::parse(spec).map_err(|e| PyValueError::new_err(format!("fields: {e}")))?,
            None => FieldMap::default(),
        };
        Ok(Config {
            read: ReadOptions { limits: Limits { max_record_bytes: max_mib << 20 }, fields, progress: None },
            code: Options { keep_negated, require_source, keep_incomplete, all },
        })
    }
}

/// A panic in one record is that record's failure, as in the CLI.
fn guarded<T>(work: impl FnOnce() -> khabar_core::Result<T>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(e.to_string()),
        Err(p) => {
            let what = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_else(|| "unknown panic".into());
            Err(format!("internal error (please report): {}", what.chars().take(160).collect::<String>()))
        }
    }
}

/// One record extracted and coded: the article and its events, or why it failed.
fn code_record(rec: khabar_core::Result<Record>, opts: &Options) -> Result<(Article, Vec<Event>), (String, String)> {
    let rec = rec.map_err(|e| failure(&e))?;
    let name = rec.name.clone();
    let article = guarded(|| khabar_extract::extract(&rec)).map_err(|e| (name.clone(), e))?;
    let coded = guarded(|| Ok(khabar_coder::code_article(&article, opts))).map_err(|e| (name, e))?;
    Ok((article, coded.events))
}

fn failure(e: &khabar_core::Error) -> (String, String) {
    match e {
        khabar_core::Error::Io { record, source } => (record.clone(), source.to_string()),
        khabar_core::Error::BadInput { record, reason } => (record.clone(), reason.clone()),
        other => (String::new(), other.to_string()),
    }
}

/// Articles and their events, and the failed records (name, reason), of everything coded.
#[derive(Default)]
struct Output {
    coded: Vec<(Article, Vec<Event>)>,
    failures: Vec<(String, String)>,
}

impl Output {
    fn push(&mut self, r: Result<(Article, Vec<Event>), (String, String)>) {
        match r {
            Ok(c) => self.coded.push(c),
            Err(f) => self.failures.push(f),
        }
    }

    fn batches(&self) -> Result<(RecordBatch, RecordBatch), arrow_schema::ArrowError> {
        let rows: Vec<Row> = self.coded.iter().flat_map(|(a, evs)| evs.iter().map(move |e| Row::coded(a, e))).collect();
        let events = batch(&Arc::new(schema()), &rows)?;
        let failures = RecordBatch::try_new(
            Arc::new(failure_schema()),
            vec![
                Arc::new(StringArray::from_iter_values(self.failures.iter().map(|f| f.0.as_str()))),
                Arc::new(StringArray::from_iter_values(self.failures.iter().map(|f| f.1.as_str()))),
            ],
        )?;
        Ok((events, failures))
    }
}

fn failure_schema() -> Schema {
    Schema::new(vec![Field::new("record", DataType::Utf8, false), Field::new("reason", DataType::Utf8, false)])
}

fn arrow_err(e: arrow_schema::ArrowError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// The text of `content` (str or bytes) as bytes.
fn content_bytes(content: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = content.downcast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Ok(content.extract::<String>()?.into_bytes())
}

/// `extract(html_or_text, url, date, id)`: the article as `khabar extract` writes it (JSON).
#[pyfunction]
#[pyo3(signature = (content, url=None, date=None, id="doc", max_mib=32))]
fn extract_json(py: Python<'_>, content: &Bound<'_, PyAny>, url: Option<String>, date: Option<String>, id: &str, max_mib: u64) -> PyResult<String> {
    let bytes = content_bytes(content)?;
    value_err(py.detach(|| {
        let max = (max_mib << 20) as usize;
        if bytes.len() > max {
            return Err(format!("{id}: larger than {max_mib} MiB"));
        }
        // as `khabar extract` reads a file of no known extension: HTML or text, sniffed
        let rec = Record {
            id: id.to_string(),
            name: id.to_string(),
            payload: Payload::Bytes(bytes),
            url,
            date,
            lang: None,
            title: None,
            site: None,
            author: None,
        };
        let article = guarded(|| khabar_extract::extract(&rec))?;
        serde_json::to_string(&article).map_err(|e| e.to_string())
    }))
}

fn value_err<T>(r: Result<T, String>) -> PyResult<T> {
    r.map_err(PyValueError::new_err)
}

/// `code(...)`: the events, as `khabar code` writes them (JSON lines), of one JSONL record.
#[pyfunction]
#[pyo3(signature = (record, keep_negated=false, keep_incomplete=false, require_source=false, all=false, max_mib=32))]
fn code_json(py: Python<'_>, record: &str, keep_negated: bool, keep_incomplete: bool, require_source: bool, all: bool, max_mib: u64) -> PyResult<String> {
    let cfg = Config::new(None, max_mib, keep_negated, keep_incomplete, require_source, all)?;
    value_err(py.detach(|| {
        let mut out = Output::default();
        read_bytes("record.jsonl", record.as_bytes(), &cfg.read, &mut |r| out.push(code_record(r, &cfg.code)));
        if let Some((name, reason)) = out.failures.first() {
            return Err(format!("{name}: {reason}"));
        }
        let mut lines = String::new();
        for (_, evs) in &out.coded {
            for e in evs {
                lines.push_str(&serde_json::to_string(e).map_err(|e| e.to_string())?);
                lines.push('\n');
            }
        }
        Ok(lines)
    }))
}

/// A string column of a batch (Utf8 or LargeUtf8) as optional strs.
fn str_column(b: &RecordBatch, name: &str) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(col) = b.column_by_name(name) else { return Ok(None) };
    let v: Vec<Option<String>> = if let Some(a) = col.as_any().downcast_ref::<StringArray>() {
        a.iter().map(|x| x.map(str::to_string)).collect()
    } else if let Some(a) = col.as_any().downcast_ref::<LargeStringArray>() {
        a.iter().map(|x| x.map(str::to_string)).collect()
    } else if col.data_type().is_integer() {
        arrow_cast_to_strings(col.as_ref())?
    } else {
        return Err(PyValueError::new_err(format!("column {name:?}: expected strings, got {}", col.data_type())));
    };
    Ok(Some(v))
}

fn arrow_cast_to_strings(col: &dyn Array) -> PyResult<Vec<Option<String>>> {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    let a = match col.data_type() {
        DataType::Int64 => col.as_primitive::<Int64Type>().iter().map(|x| x.map(|v| v.to_string())).collect(),
        DataType::Int32 => col.as_primitive::<arrow_array::types::Int32Type>().iter().map(|x| x.map(|v| v.to_string())).collect(),
        other => return Err(PyValueError::new_err(format!("id column: expected strings or integers, got {other}"))),
    };
    Ok(a)
}

/// Row `i` of a binary column (Binary or LargeBinary), borrowed.
fn binary_at(col: &dyn Array, i: usize) -> Option<&[u8]> {
    if col.is_null(i) {
        return None;
    }
    if let Some(a) = col.as_any().downcast_ref::<BinaryArray>() {
        return Some(a.value(i));
    }
    col.as_any().downcast_ref::<LargeBinaryArray>().map(|a| a.value(i))
}

/// `code_batch(batch, ...)`: a batch of files (`path` + `content`, Spark's binaryFile rows) or
/// of records (the JSONL contract's columns: `id`, `text` | `html`, `url`, `date`, `lang`,
/// `title`, `site`, `author`, or others named by `fields`) coded as the CLI codes that file or
/// that JSONL record. Returns (events, failures) as pyarrow record batches.
#[pyfunction]
#[pyo3(signature = (records, fields=None, keep_negated=false, keep_incomplete=false, require_source=false, all=false, max_mib=32))]
#[allow(clippy::too_many_arguments)]
fn code_batch<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
    fields: Option<&str>,
    keep_negated: bool,
    keep_incomplete: bool,
    require_source: bool,
    all: bool,
    max_mib: u64,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let cfg = Config::new(fields, max_mib, keep_negated, keep_incomplete, require_source, all)?;
    let input = RecordBatch::from_pyarrow_bound(records)?;
    let out = if let Some(contents) = input.column_by_name("content").cloned() {
        let paths = str_column(&input, "path")?.ok_or_else(|| PyValueError::new_err("a batch of files needs a `path` column"))?;
        if !matches!(contents.data_type(), DataType::Binary | DataType::LargeBinary) {
            return Err(PyValueError::new_err(format!("column \"content\": expected binary, got {}", contents.data_type())));
        }
        py.detach(|| {
            let mut out = Output::default();
            for (i, path) in paths.iter().enumerate() {
                let path = path.as_deref().unwrap_or("");
                match binary_at(contents.as_ref(), i) {
                    Some(bytes) => read_bytes(path, bytes, &cfg.read, &mut |r| out.push(code_record(r, &cfg.code))),
                    None => out.failures.push((path.to_string(), "no content".into())),
                }
            }
            out
        })
    } else {
        let names: Vec<String> = input.schema().fields().iter().map(|f| f.name().clone()).collect();
        let mut columns = Vec::new();
        for n in &names {
            if let Some(c) = str_column(&input, n).ok().flatten() {
                columns.push((n.clone(), c));
            }
        }
        if !columns.iter().any(|(n, _)| *n == cfg.read.fields.id) {
            return Err(PyValueError::new_err(format!("a batch of records needs an {:?} column (the record id)", cfg.read.fields.id)));
        }
        py.detach(|| {
            let mut out = Output::default();
            for i in 0..input.num_rows() {
                // the row as the JSONL line the CLI would read
                let mut obj = serde_json::Map::new();
                for (n, c) in &columns {
                    if let Some(v) = &c[i] {
                        obj.insert(n.clone(), serde_json::Value::String(v.clone()));
                    }
                }
                let line = serde_json::to_vec(&serde_json::Value::Object(obj)).unwrap_or_default();
                read_bytes(&format!("row-{i}.jsonl"), &line, &cfg.read, &mut |r| out.push(code_record(r, &cfg.code)));
            }
            out
        })
    };
    let (events, failures) = out.batches().map_err(arrow_err)?;
    Ok((events.to_pyarrow(py)?, failures.to_pyarrow(py)?))
}

/// The events' Arrow schema: the columns of `khabar export --format parquet`.
#[pyfunction]
fn event_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    schema().to_pyarrow(py)
}

/// The failures' Arrow schema: `record` (its name, `path:line` for a JSONL line) and `reason`.
#[pyfunction]
fn failures_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    failure_schema().to_pyarrow(py)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(code_json, m)?)?;
    m.add_function(wrap_pyfunction!(code_batch, m)?)?;
    m.add_function(wrap_pyfunction!(event_schema, m)?)?;
    m.add_function(wrap_pyfunction!(failures_schema, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
