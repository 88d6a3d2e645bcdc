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

/// A small deterministic generator (xorshift64*), seeded from `KHABAR_FAULT_SEED` or the
/// clock; the seed is printed so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn from_env(what: &str) -> Rng {
        let seed = std::env::var("KHABAR_FAULT_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
        });
        eprintln!("{what}: KHABAR_FAULT_SEED={seed}");
        Rng(seed | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }
}

/// Each count of `partial` is at most the uninterrupted run's: a kill or a fault may lose the
/// batch in flight, never add or double anything.
fn at_most(partial: &serde_json::Value, whole: &serde_json::Value) -> bool {
    whole.as_object().unwrap().iter().all(|(k, v)| partial[k].as_i64() <= v.as_i64())
}

#[test]
fn an_ingest_killed_at_20_random_points_and_rerun_matches_an_uninterrupted_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 600);
    let whole = dir.path().join("whole.db");
    let t0 = Instant::now();
    ingest(&corpus, &whole);
    let took = t0.elapsed();
    let expected = stats(&whole);
    let mut rng = Rng::from_env("kill points");
    let articles = expected["articles"].as_u64().unwrap();
    let mut partway = 0;
    for kill in 0..20 {
        let db = dir.path().join(format!("killed-{kill}.db"));
        let mut child = khabar()
            .args(["ingest", "--quiet", "--map", MAP, "--batch", "16", "--db"])
            .arg(&db)
            .arg(&corpus)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // two kills at a random moment of the start (the store being made), the others once a
        // random number of articles is committed, then a random few milliseconds into the
        // next batch
        let at = if kill < 2 {
            let at = Duration::from_micros(rng.below(300_000));
            std::thread::sleep(at);
            format!("{at:?} after the start")
        } else {
            let target = 1 + rng.below(articles - 1);
            let start = Instant::now();
            while child.try_wait().unwrap().is_none() {
                let committed = khabar_store::Store::open_read(&db).ok().and_then(|s| s.stats().ok()).map_or(0, |s| s.articles as u64);
                if committed >= target {
                    break;
                }
                assert!(start.elapsed() < Duration::from_secs(120), "the ingest made no progress");
                std::thread::sleep(Duration::from_millis(2));
            }
            std::thread::sleep(Duration::from_micros(rng.below(30_000)));
            format!("{target} articles committed")
        };
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok(); // SIGKILL on Unix
        child.wait().unwrap();
        // (a kill before the schema is written leaves an empty file: nothing was committed,
        // and `stats` says it is no store yet, clearly)
        let empty = db.exists() && {
            let out = khabar().arg("stats").arg("--db").arg(&db).output().unwrap();
            !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("an empty database")
        };
        if db.exists() && !empty {
            let partial = stats(&db);
            assert!(at_most(&partial, &expected), "kill {kill} at {at}: {partial} vs {expected}");
            if !finished && partial != expected {
                partway += 1;
            }
        }
        let rerun = ingest(&corpus, &db);
        assert!(!String::from_utf8_lossy(&rerun.stderr).contains("panicked"), "{}", String::from_utf8_lossy(&rerun.stderr));
        assert_eq!(stats(&db), expected, "kill {kill} at {at}, then a rerun");
        std::fs::remove_file(&db).ok();
    }
    eprintln!("{partway} of 20 kills landed part-way through an ingest of {took:?}");
    assert!(partway >= 15, "only {partway} of 20 kills landed part-way: the test no longer tests kills");
}

#[test]
fn two_ingests_at_once_into_one_store_match_one_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 300);
    let whole = dir.path().join("whole.db");
    ingest(&corpus, &whole);
    let expected = stats(&whole);
    for round in 0..2 {
        let db = dir.path().join(format!("both-{round}.db"));
        let spawn = || {
            khabar()
                .args(["ingest", "--quiet", "--map", MAP, "--batch", "16", "--db"])
                .arg(&db)
                .arg(&corpus)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            // the one empty record fails in each run; nothing else may
            assert_eq!(out.status.code(), Some(1), "{err}");
            assert_eq!(err.lines().count(), 1, "{err}");
        }
        assert_eq!(stats(&db), expected, "round {round}");
    }
}

/// `khabar ARGS --db DB`, which must fail with exit code 2 and one line on stderr holding `want`.
fn refused(args: &[&str], db: &Path, want: &str) -> String {
    let out = khabar().args(args).arg("--db").arg(db).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: one line: {err}");
    assert!(err.starts_with("khabar: ") && err.contains(want), "{args:?}: {err:?} should say {want:?}");
    assert!(out.stdout.is_empty(), "{args:?}: no silent empty result: {}", String::from_utf8_lossy(&out.stdout));
    err
}

const EVERY_READER: &[&[&str]] = &[&["stats"], &["search", "غارات"], &["export", "--format", "jsonl"]];

#[test]
fn a_file_that_is_not_a_store_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 10);
    let corpus = corpus.to_str().unwrap();
    // not SQLite at all
    let junk = dir.path().join("notes.db");
    let bytes = b"These are my notes, not a database.\n".repeat(200);
    std::fs::write(&junk, &bytes).unwrap();
    for args in EVERY_READER {
        refused(args, &junk, "not an SQLite database");
    }
    refused(&["ingest", corpus], &junk, "not an SQLite database");
    assert_eq!(std::fs::read(&junk).unwrap(), bytes, "the file is untouched");
    // another program's SQLite database: khabar does not add its tables to it
    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');").unwrap();
    drop(conn);
    let before = std::fs::read(&other).unwrap();
    for args in EVERY_READER {
        refused(args, &other, "not a khabar store");
    }
    refused(&["ingest", corpus], &other, "not a khabar store");
    assert_eq!(std::fs::read(&other).unwrap(), before, "the foreign database is untouched");
    // an empty file is an empty SQLite database: no store to read, a new one to ingest into
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    refused(&["stats"], &empty, "not a khabar store (an empty database)");
}

#[test]
fn a_truncated_store_is_reported_as_damaged_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 200);
    let db = dir.path().join("k.db");
    ingest(&corpus, &db);
    let len = std::fs::metadata(&db).unwrap().len();
    assert!(len > 64 * 1024, "{len}");
    for cut in [len / 2, len - 4096, 4096, 50] {
        let t = dir.path().join(format!("cut-{cut}.db"));
        std::fs::copy(&db, &t).unwrap();
        std::fs::OpenOptions::new().write(true).open(&t).unwrap().set_len(cut).unwrap();
        let want = "damaged";
        for args in EVERY_READER {
            refused(args, &t, want);
        }
        refused(&["ingest", corpus.to_str().unwrap()], &t, want);
    }
}

/// Whether this process runs as root (the owner of `/proc/self`).
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

#[test]
fn a_read_only_store_is_read_and_not_written() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 30);
    let shelf = dir.path().join("shelf");
    std::fs::create_dir(&shelf).unwrap();
    let db = shelf.join("k.db");
    ingest(&corpus, &db);
    let expected = stats(&db);
    // root may write any file: as root the commands run as nobody, who owns nothing here
    let root = is_root();
    let perms = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    perms(dir.path(), 0o755);
    perms(&corpus, 0o644);
    perms(&db, 0o444);
    perms(&shelf, 0o555);
    let run = |args: &[&str]| {
        let mut c = khabar();
        c.args(args).arg("--db").arg(&db);
        if root {
            c.uid(65534).gid(65534);
        }
        c.output().unwrap()
    };
    let out = run(&["stats"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap(), expected);
    let out = run(&["search", "غارات"]);
    assert!(out.status.success() && !out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&["ingest", "--map", MAP, corpus.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("read-only"), "{err}");
    perms(&shelf, 0o755);
    assert_eq!(stats(&db), expected);
}

/// A tmpfs of `size` mounted on `dir` for as long as it lives (root only).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        let ok = Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"]).arg(dir).status().ok()?.success();
        ok.then(|| Tmpfs(dir.to_path_buf()))
    }

    fn resize(&self, size: &str) {
        let ok = Command::new("mount").args(["-o", &format!("remount,size={size}")]).arg(&self.0).status().unwrap().success();
        assert!(ok, "remount {}", self.0.display());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_stops_the_ingest_with_a_message_and_keeps_what_was_committed() {
    if !is_root() {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 300);
    let whole = dir.path().join("whole.db");
    ingest(&corpus, &whole);
    let expected = stats(&whole);
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let Some(fs) = Tmpfs::mount(&disk, "384k") else {
        eprintln!("skipped: mount -t tmpfs failed (no CAP_SYS_ADMIN?)");
        return;
    };
    let db = disk.join("k.db");
    let out = ingest(&corpus, &db);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let last = err.trim_end().lines().last().unwrap_or("");
    assert!(last.starts_with("khabar: writing to the store") && last.contains("disk is full"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let partial = stats(&db);
    assert!(at_most(&partial, &expected) && partial != expected, "{partial} vs {expected}");
    // room again: the same ingest completes what was cut short, adding nothing twice
    fs.resize("64m");
    ingest(&corpus, &db);
    assert_eq!(stats(&db), expected);
}

#[test]
fn search_answers_or_refuses_hostile_queries_without_leaking_sql() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write_corpus(dir.path(), 20);
    let db = dir.path().join("k.db");
    ingest(&corpus, &db);
    let before = stats(&db);
    // `--` before a query that may start with `-` (clap would take it for an option)
    let search = |args: &[&str]| khabar().arg("search").arg("--db").arg(&db).args(args).output().unwrap();
    let long_word = "ا".repeat(5000);
    let many_words = "border talks ".repeat(800);
    // answered: zero or more hits, exit 0
    for q in [
        "\"غارات",
        "غارات\"",
        "NEAR(غارات لبنان)",
        "NEAR(",
        "غار*",
        "غارات OR",
        "OR غارات",
        "غارات AND OR NOT لبنان",
        "NOT NOT غارات",
        "-غارات",
        "غارات -لبنان",
        "'; DROP TABLE articles; --",
        "\"; DELETE FROM events; SELECT \"",
        "title:غارات",
        "body:* OR {title body}:x",
        "^غارات",
        "غارات + لبنان",
        "(غارات OR",
        long_word.as_str(),
    ] {
        let out = search(&["--", q]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{q:?}: {err}");
        assert!(err.is_empty(), "{q:?}: {err}");
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            serde_json::from_str::<serde_json::Value>(line).unwrap();
        }
    }
    let hits = |q: &str| String::from_utf8_lossy(&search(&["--", q]).stdout).lines().count();
    assert!(hits("غارات") > 0);
    assert_eq!(hits("غارات AND OR NOT لبنان"), hits("غارات NOT لبنان"), "a run of operators keeps the last");
    assert_eq!(hits("'; DROP TABLE articles; --"), 0);
    // refused: one line that says why, exit 2, never SQLite's words
    for (q, want) in [
        ("", "the query is empty"),
        ("   ", "the query is empty"),
        ("*", "no word to look for"),
        ("\"\"\"", "no word to look for"),
        ("-", "no word to look for"),
        ("AND OR NOT", "no word to look for"),
        ("\" ' ; ( )", "no word to look for"),
        (many_words.as_str(), "more than 64 words"),
    ] {
        let out = search(&["--", q]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{q:?}: {err}");
        assert!(err.starts_with("khabar: search: ") && err.contains(want), "{:?}: {err}", clip(q));
        for sqlite in ["fts5", "syntax error", "SQL", "sqlite"] {
            assert!(!err.contains(sqlite), "{:?} leaked {sqlite}: {err}", clip(q));
        }
    }
    for (flag, value) in [("--from", "'; DROP TABLE articles; --"), ("--to", "2015-13"), ("--country", "SA' OR 1=1"), ("--cameo", "19%")] {
        let out = search(&["غارات", flag, value]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}: {err}");
        assert!(err.contains(flag) && err.contains("expected"), "{err}");
    }
    assert_eq!(stats(&db), before, "nothing a query says changes the store");
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
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
