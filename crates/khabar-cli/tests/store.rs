//! `khabar ingest`, `search`, `export` and `stats` end to end, on corpora the tests write.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

/// Deterministic filler words so that every generated article is its own story.
fn words(seed: u64, n: usize) -> String {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let stems = ["سوق", "مدرسة", "طريق", "مشروع", "ملعب", "مستشفى", "جامعة", "حديقة", "مطار", "ميناء", "مصنع", "مكتبة"];
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            format!("{}{}", stems[(x >> 33) as usize % stems.len()], (x >> 40) % 997)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

const EVENT_AR: &str = "شنت طائرات حربية إسرائيلية غارات على مواقع في جنوب لبنان أمس الأربعاء، بحسب مصادر أمنية.";
const EVENT_EN: &str = "Japan will sign a trade agreement with Vietnam next month, the Japanese prime minister said.";

/// A SaudiNewsNet-like corpus: a zip of JSON arrays with the corpus's own field names, with
/// exact duplicates, a copy under a new URL and near-duplicate rewrites of one wire story.
fn write_corpus(dir: &Path, n: usize) -> PathBuf {
    let mut days: Vec<Vec<serde_json::Value>> = vec![Vec::new(), Vec::new()];
    for i in 0..n {
        let event = if i % 2 == 0 { EVENT_AR } else { EVENT_EN };
        let body = if i % 5 == 0 { format!("{event}\n\n{}.", words(i as u64, 50)) } else { format!("{}.", words(i as u64, 60)) };
        let source = ["okaz", "sabq", "was"][i % 3];
        days[i % 2].push(serde_json::json!({
            "source": source,
            "url": format!("http://news.example/{i}"),
            "date_extracted": format!("2015-07-{:02} 10:00:00", 21 + i % 2),
            "title": format!("خبر رقم {i}"),
            "content": body,
        }));
    }
    // the same record again (same URL), and the same text under another URL and outlet
    let first = days[0][0].clone();
    days[1].push(first.clone());
    let mut copy = first.clone();
    copy["url"] = "http://other.example/copy".into();
    copy["source"] = "alyaum".into();
    days[1].push(copy);
    // one wire story rewritten by three outlets: one story, one event, three sources
    let wire = words(999_999, 80);
    for (k, site) in ["okaz", "sabq", "alriyadh"].iter().enumerate() {
        let tail = ["", "وأضاف المصدر", "بحسب الوكالة"][k];
        days[k % 2].push(serde_json::json!({
            "source": site, "url": format!("http://wire.example/{k}"), "date_extracted": "2015-07-22 09:00:00",
            "title": "غارات على جنوب لبنان",
            "content": format!("{EVENT_AR}\n\n{wire} {tail}."),
        }));
    }
    // a record with an empty body: a failure, reported and stored once
    days[0].push(serde_json::json!({"source": "okaz", "url": "http://news.example/empty", "content": ""}));
    let path = dir.join("corpus.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for (d, records) in days.iter().enumerate() {
        z.start_file(format!("2015-07-{}.json", 21 + d), zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(serde_json::to_string_pretty(records).unwrap().as_bytes()).unwrap();
    }
    z.finish().unwrap();
    path
}

const MAP: &str = "text=content,date=date_extracted,url=url,title=title,site=source";

fn ingest(corpus: &Path, db: &Path) -> std::process::Output {
    khabar().args(["ingest", "--map", MAP, "--batch", "16", "--db"]).arg(db).arg(corpus).output().unwrap()
}

fn stats(db: &Path) -> serde_json::Value {
    let out = khabar().arg("stats").arg("--db").arg(db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn ingest_is_idempotent_and_counts_stories_and_events() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 40);
    let db = dir.path().join("k.db");
    let out = ingest(&corpus, &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "one record failed: {err}");
    assert!(err.contains("corpus.zip:2015-07-21.json[") && err.contains("no article text"), "{err}");
    assert!(err.contains("khabar ingest: 43 new articles"), "{err}");
    let first = stats(&db);
    assert_eq!(first["articles"], 43, "{first}");
    assert_eq!(first["copies"], 1, "{first}");
    assert_eq!(first["failures"], 1, "{first}");
    assert_eq!(first["stories"], 41, "the three wire rewrites are one story: {first}");
    // a second ingest adds nothing
    let again = ingest(&corpus, &db);
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 new articles"));
    assert_eq!(stats(&db), first);

    // the wire story's event: one event, three articles, three outlets (GDELT counts)
    let out = khabar().args(["export", "--format", "jsonl", "--db"]).arg(&db).output().unwrap();
    assert!(out.status.success());
    let events: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(events.len() as u64, first["events"].as_u64().unwrap());
    let wire: Vec<_> = events.iter().filter(|e| e["url"].as_str().is_some_and(|u| u.starts_with("http://wire."))).collect();
    assert!(!wire.is_empty(), "the wire story codes an event");
    for e in &wire {
        assert_eq!((e["num_articles"].as_i64(), e["num_sources"].as_i64()), (Some(3), Some(3)), "{e}");
    }
    // the copy under another URL counts as a second article of its events
    let copied: Vec<_> = events.iter().filter(|e| e["url"] == "http://news.example/0").collect();
    assert!(!copied.is_empty());
    assert!(copied.iter().all(|e| e["num_articles"] == 2 && e["num_sources"] == 2), "{copied:?}");

    // GDELT rows carry the counts in columns 32-34
    let out = khabar().args(["export", "--format", "gdelt", "--db"]).arg(&db).output().unwrap();
    let rows = String::from_utf8_lossy(&out.stdout).to_string();
    let row = rows.lines().find(|l| l.contains("http://wire.example/0")).expect("a wire row");
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols.len(), 61);
    assert_eq!(&cols[31..34], &["3", "3", "3"]);
    let out = khabar().args(["export", "--format", "csv", "--db"]).arg(&db).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count() as u64, first["events"].as_u64().unwrap() + 1);

    // the mentions table: per event as many rows as NumMentions, as many URLs as NumArticles,
    // as many outlets as NumSources
    let out = khabar().args(["export", "--format", "gdelt-mentions", "--db"]).arg(&db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mentions = String::from_utf8_lossy(&out.stdout).to_string();
    let mut per_event: std::collections::BTreeMap<&str, Vec<Vec<&str>>> = Default::default();
    for line in mentions.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 16, "{line}");
        per_event.entry(cols[0]).or_default().push(cols);
    }
    assert_eq!(per_event.len() as u64, first["events"].as_u64().unwrap());
    for row in rows.lines() {
        let cols: Vec<&str> = row.split('\t').collect();
        let ms = &per_event[cols[0]];
        let distinct = |i: usize| ms.iter().map(|m| m[i]).collect::<std::collections::BTreeSet<_>>().len().to_string();
        assert_eq!((ms.len().to_string(), distinct(5), distinct(4)), (cols[31].to_string(), cols[33].to_string(), cols[32].to_string()), "{row}");
        assert!(ms.iter().all(|m| m[1] == cols[59]), "EventTimeDate is the event's DATEADDED");
    }
}

#[test]
fn search_finds_arabic_words_whatever_the_hamza_or_taa_marbuta() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("a.jsonl");
    std::fs::write(
        &corpus,
        concat!(
            "{\"id\": \"amir\", \"url\": \"http://e.x/1\", \"date\": \"2015-07-21\", \"text\": \"استقبل أمير منطقة الرياض وفد جامعة الإمام في مكتبه اليوم.\"}\n",
            "{\"id\": \"other\", \"url\": \"http://e.x/2\", \"date\": \"2015-08-21\", \"text\": \"The minister opened a new school in Jeddah on Monday.\"}\n"
        ),
    )
    .unwrap();
    let db = dir.path().join("k.db");
    // the contract's own field names: no --map
    let out = khabar().arg("ingest").arg("--db").arg(&db).arg(&corpus).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let search = |args: &[&str]| -> Vec<String> {
        let out = khabar().arg("search").args(args).arg("--db").arg(&db).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc_id"].as_str().unwrap().to_string())
            .collect()
    };
    // أمير written with a bare alef and with hamza below; منطقة and جامعة with ه
    assert_eq!(search(&["امير"]), vec!["amir"]);
    assert_eq!(search(&["إمير"]), vec!["amir"]);
    assert_eq!(search(&["منطقه", "جامعه"]), vec!["amir"]);
    assert_eq!(search(&["الامام"]), vec!["amir"]);
    assert_eq!(search(&["SCHOOL"]), vec!["other"]);
    assert!(search(&["school", "--to", "2015-08-01"]).is_empty());
    assert_eq!(search(&["school", "--from", "2015-08-01"]), vec!["other"]);
}

#[test]
fn an_ingest_killed_partway_and_rerun_matches_an_uninterrupted_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 1200);
    let whole = dir.path().join("whole.db");
    ingest(&corpus, &whole);
    let expected = stats(&whole);

    let db = dir.path().join("killed.db");
    let mut child = khabar()
        .args(["ingest", "--quiet", "--map", MAP, "--batch", "16", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait for a few committed batches, then SIGKILL
    let start = Instant::now();
    loop {
        let committed = khabar_store::Store::open_read(&db).ok().and_then(|s| s.stats().ok()).map(|s| s.articles).unwrap_or(0);
        if committed >= 48 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(120), "the ingest made no progress");
        assert!(child.try_wait().unwrap().is_none(), "the ingest ended before it could be killed");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let partial = stats(&db);
    assert!(partial["articles"].as_i64() < expected["articles"].as_i64(), "killed partway: {partial} vs {expected}");

    ingest(&corpus, &db);
    assert_eq!(stats(&db), expected);
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_has_one_row_per_event() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 30);
    let db = dir.path().join("k.db");
    ingest(&corpus, &db);
    let events = stats(&db)["events"].as_i64().unwrap();
    let path = dir.path().join("e.parquet");
    let out = khabar().args(["export", "--format", "parquet", "--db"]).arg(&db).arg("-o").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows(), events);
    assert_eq!(meta.schema_descr().column(2).name(), "num_mentions");
}
