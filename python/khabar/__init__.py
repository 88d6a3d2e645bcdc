"""khabar: political events (CAMEO/PLOVER) from Arabic and English news, as the CLI codes them.

Every call runs the same Rust code as the ``khabar`` command::

    import khabar
    khabar.extract("<html>…</html>", url="https://…")     # the article, as `khabar extract` writes it
    khabar.code("…story text…", date="2024-03-05")         # its events, as `khabar code` writes them
    events, failures = khabar.code_batch(batch)            # pyarrow in, pyarrow out

``code_batch`` takes a ``pyarrow.RecordBatch`` (or ``Table``) of either

* files: a ``path`` and a binary ``content`` column (Spark's ``binaryFile`` rows), each read as
  ``khabar code PATH`` reads that file (WARC, WARC.gz, JSONL, JSONL.gz, JSON arrays, zip, HTML,
  text: the kind is told by the name's extensions); or
* records: the JSONL contract's columns ``id``, ``text`` or ``html``, ``url``, ``date``,
  ``lang``, ``title``, ``site``, ``author`` (other names through ``fields="text=content,…"``),
  each row coded as ``khabar code`` codes that JSONL line;

and returns ``(events, failures)``: events with the columns and types of
``khabar export --format parquet`` (:func:`event_schema`), with content ids (``event_id`` is
the GLOBALEVENTID ``khabar code --format gdelt`` writes, ``story`` a hash of the doc id), and
one failure row (``record``, ``reason``) per record that could not be read or coded.
"""

import json

import pyarrow as pa

from . import _native

__version__ = _native.__version__

__all__ = ["extract", "code", "code_batch", "event_schema", "failures_schema"]


def extract(html_or_text, url=None, date=None, *, id="doc", max_mib=32):
    """The article of a page (HTML or text, str or bytes) as a dict, as ``khabar extract``
    writes it for a file of that content. Raises ``ValueError`` for content khabar refuses
    (binary, empty, over ``max_mib``)."""
    return json.loads(_native.extract_json(html_or_text, url, date, id, max_mib))


def code(text, url=None, date=None, lang=None, *, id="doc", title=None, site=None, author=None,
         html=False, keep_negated=False, keep_incomplete=False, require_source=False, all=False,
         max_mib=32):
    """The events of one story (or sentence) as a list of dicts, exactly as ``khabar code``
    writes them for the JSONL record ``{"id", "text" (or "html" when html=True), "url",
    "date", "lang", "title", "site", "author"}`` with the same flags. Raises ``ValueError``
    for a record the CLI would report as failed."""
    record = {"id": id, ("html" if html else "text"): text}
    for k, v in (("url", url), ("date", date), ("lang", lang), ("title", title), ("site", site), ("author", author)):
        if v is not None:
            record[k] = v
    lines = _native.code_json(json.dumps(record, ensure_ascii=False), keep_negated, keep_incomplete,
                              require_source, all, max_mib)
    return [json.loads(line) for line in lines.splitlines()]


def code_batch(batch, *, fields=None, keep_negated=False, keep_incomplete=False, require_source=False,
               all=False, max_mib=32):
    """``(events, failures)`` record batches of a batch of files or records (see the module's
    documentation). A ``pyarrow.Table`` is coded batch by batch into one batch each."""
    if isinstance(batch, pa.Table):
        batch = batch.combine_chunks().to_batches()
        if not batch:
            return (pa.RecordBatch.from_pylist([], schema=event_schema()),
                    pa.RecordBatch.from_pylist([], schema=failures_schema()))
        parts = [code_batch(b, fields=fields, keep_negated=keep_negated, keep_incomplete=keep_incomplete,
                            require_source=require_source, all=all, max_mib=max_mib) for b in batch]
        ev = pa.Table.from_batches([p[0] for p in parts], schema=event_schema()).combine_chunks()
        fa = pa.Table.from_batches([p[1] for p in parts], schema=failures_schema()).combine_chunks()
        return (_one_batch(ev, event_schema()), _one_batch(fa, failures_schema()))
    return _native.code_batch(batch, fields, keep_negated, keep_incomplete, require_source, all, max_mib)


def _one_batch(table, schema):
    batches = table.to_batches()
    return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=schema)


def event_schema():
    """The events' schema: the columns and types of ``khabar export --format parquet``."""
    return _native.event_schema()


def failures_schema():
    """The failures' schema: ``record`` (its name: ``path``, ``path:line``, a WARC record) and
    ``reason``."""
    return _native.failures_schema()
