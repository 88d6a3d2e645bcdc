//! The `khabar` binary as a user runs it. Every input here is written for these tests.

use std::io::Write;
use std::process::{Command, Stdio};

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

const SCRAPE: &str = "موقع المثال 2022:11:02.09:00:00\nآخر الأخبار\n\nتونس والجزائر توقعان اتفاقية للتعاون الأمني (3)\n\n/مصدر: شينخوا/  2022:11:02.08:45\n\nاطبع\n\nالجزائر 1 نوفمبر 2022 (شينخوا) وقعت تونس والجزائر اليوم (الثلاثاء) اتفاقية للتعاون الأمني على الحدود المشتركة خلال اجتماع في العاصمة.\n\nووصل وزير الداخلية التونسي إلى الجزائر أمس الاثنين في زيارة رسمية.\n\n【1】【2】【3】\n\nأخبار ساخنة\n";

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn events(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn code_a_scraped_arabic_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "tn-dz.txt", SCRAPE.as_bytes());
    let out = khabar().arg("code").arg(&page).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let evs = events(&out.stdout);
    let signing: Vec<_> = evs.iter().filter(|e| e["cameo"] == "057").collect();
    assert_eq!(signing.len(), 2, "both directions of a symmetric signing");
    let pair: Vec<(&str, &str)> = signing.iter().map(|e| (e["source"]["country"].as_str().unwrap(), e["target"]["country"].as_str().unwrap())).collect();
    assert!(pair.contains(&("TUN", "DZA")) && pair.contains(&("DZA", "TUN")));
    assert_eq!(signing[0]["doc_id"], "tn-dz");
    assert_eq!(signing[0]["date"], "2022-11-01");
    assert_eq!(signing[0]["goldstein"], 8.0);
    assert_eq!(signing[0]["quad_class"], 1);
    assert_eq!(signing[0]["rule"], "ar/verbs.toml:sign-agreement");
    let visit = evs.iter().find(|e| e["cameo"] == "042").expect("a visit");
    assert_eq!(visit["source"]["code"], "TUNGOV");
    assert_eq!(visit["date"], "2022-10-31", "أمس الاثنين is the day before the dateline");
    assert_eq!(visit["location"]["name"], "Algiers");
}

#[test]
fn extract_reads_the_furniture_as_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "tn-dz.txt", SCRAPE.as_bytes());
    let out = khabar().arg("extract").arg(&page).output().unwrap();
    assert!(out.status.success());
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["title"], "تونس والجزائر توقعان اتفاقية للتعاون الأمني");
    assert_eq!(a["page"]["number"], 3);
    assert_eq!(a["page"]["of"], 3);
    assert_eq!(a["agency"], "Xinhua");
    assert_eq!(a["published"], "2022-11-02T08:45");
    assert_eq!(a["dateline"]["date"], "2022-11-01");
    let text = a["text"].as_str().unwrap();
    assert!(text.starts_with("وقعت تونس والجزائر"));
    assert!(!text.contains("اطبع") && !text.contains("【") && !text.contains("ساخنة"));
}

#[test]
fn gdelt_rows_have_61_columns() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "tn-dz.txt", SCRAPE.as_bytes());
    let out = khabar().args(["code", "--format", "gdelt"]).arg(&page).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.is_empty());
    for row in text.lines() {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 61);
    }
    let signing = text.lines().find(|r| r.split('\t').nth(26) == Some("057")).unwrap();
    let cols: Vec<&str> = signing.split('\t').collect();
    assert_eq!((cols[29], cols[30]), ("1", "8.0"), "QuadClass and Goldstein");
}

#[test]
fn bad_inputs_are_named_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-good.txt", SCRAPE.as_bytes());
    write(dir.path(), "b-empty.txt", b"");
    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    write(dir.path(), "c-junk.txt", &junk);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(SCRAPE.repeat(20).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    write(dir.path(), "d-cut.html.gz", &gz[..gz.len() / 3]);
    let out = khabar().arg("code").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a failed input makes the exit code non-zero");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 3, "one line per bad file:\n{err}");
    for name in ["b-empty.txt", "c-junk.txt", "d-cut.html.gz"] {
        assert!(err.contains(name), "{name} not named in:\n{err}");
    }
    assert!(err.contains("gzip"));
    assert!(!events(&out.stdout).is_empty(), "the good file was still coded");
}

#[test]
fn stdin_jsonl_records_keep_their_ids() {
    let mut child = khabar().args(["code", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": \"r-7\", \"lang\": \"en\", \"text\": \"Norway condemned Russia over the missile test.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let evs = events(&out.stdout);
    assert_eq!(evs.len(), 1);
    assert_eq!(evs[0]["doc_id"], "r-7");
    assert_eq!(evs[0]["cameo"], "111");
    assert_eq!(evs[0]["source"]["code"], "NOR");
    assert_eq!(evs[0]["target"]["code"], "RUS");
}

#[test]
fn held_back_events_come_only_with_all_and_explain_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let rec = "{\"id\": \"d\", \"lang\": \"en\", \"date\": \"2021-03-10\", \"text\": \"The Kenyan army attacked on Tuesday. Norway condemned Russia on Tuesday.\"}\n";
    let input = write(dir.path(), "d.jsonl", rec.as_bytes());
    let default = events(&khabar().args(["code"]).arg(&input).output().unwrap().stdout);
    assert!(default.iter().all(|e| e.get("held_back").is_none()), "{default:?}");
    assert!(default.iter().any(|e| e["cameo"] == "111"));
    let all = events(&khabar().args(["code", "--all"]).arg(&input).output().unwrap().stdout);
    let held: Vec<_> = all.iter().filter(|e| e["held_back"].as_str().is_some_and(|h| h.starts_with("untargeted"))).collect();
    assert!(!held.is_empty(), "{all:?}");
    assert_eq!(all.len(), default.len() + held.len());
    let text = String::from_utf8(khabar().args(["code", "--explain"]).arg(&input).output().unwrap().stdout).unwrap();
    assert!(text.contains("[article]") && text.contains("held back: untargeted"), "{text}");
}

#[test]
fn explain_names_actors_and_rules() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "tn-dz.txt", SCRAPE.as_bytes());
    let out = khabar().args(["code", "--explain"]).arg(&page).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("actor  تونس → TUN"));
    assert!(text.contains("ar/verbs.toml:sign-agreement"));
    assert!(text.contains("subject after the verb (VSO)"));
}

#[test]
fn eval_scores_a_gold_file() {
    let dir = tempfile::tempdir().unwrap();
    let gold = write(
        dir.path(),
        "gold.jsonl",
        "{\"id\": \"1\", \"lang\": \"en\", \"text\": \"Norway condemned Russia.\", \"events\": [{\"plover\": \"ACCUSE\", \"source\": [{\"code\": \"NOR\"}], \"target\": [{\"code\": \"RUS\"}]}]}\n\
         {\"id\": \"2\", \"lang\": \"en\", \"text\": \"Peru praised Chile.\", \"events\": [{\"plover\": \"SUPPORT\", \"source\": [{\"code\": \"PER\"}], \"target\": [{\"code\": \"BOL\"}]}]}\n"
            .as_bytes(),
    );
    let out = khabar().args(["eval", "--json", "--gold"]).arg(&gold).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["levels"]["type"]["f1"], 1.0);
    assert_eq!(r["levels"]["type+source+target"]["tp"], 1);
    assert_eq!(r["levels"]["type+source+target"]["fp"], 1);
}

#[test]
fn plover_and_mentions_formats_from_code() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "tn-dz.txt", SCRAPE.as_bytes());
    let out = khabar().args(["code", "--format", "plover"]).arg(&page).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = events(&out.stdout);
    assert!(recs.iter().any(|r| r["event_type"] == "SUPPORT" && r["attributes"]["ACTOR"][0]["country"] == "TUN"), "{recs:?}");
    let gdelt = khabar().args(["code", "--format", "gdelt"]).arg(&page).output().unwrap();
    let mentions = khabar().args(["code", "--format", "gdelt-mentions"]).arg(&page).output().unwrap();
    let gdelt = String::from_utf8(gdelt.stdout).unwrap();
    let mentions = String::from_utf8(mentions.stdout).unwrap();
    for row in gdelt.lines() {
        let cols: Vec<&str> = row.split('\t').collect();
        let n = mentions.lines().filter(|m| m.split('\t').next() == Some(cols[0])).count();
        assert_eq!(n.to_string(), cols[31], "NumMentions is the number of mention rows");
    }
}

#[test]
fn completions_man_and_one_line_errors() {
    let out = khabar().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("khabar"));
    let out = khabar().arg("man").output().unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains(".TH khabar 1"));
    let out = khabar().args(["code", "--format", "nope", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.starts_with("khabar: ") && err.contains("nope"), "{err}");
    let out = khabar().args(["stats", "--db", "/nonexistent/k.db"]).output().unwrap();
    assert_eq!((out.status.code(), String::from_utf8_lossy(&out.stderr).trim_end().lines().count()), (Some(2), 1));
    let help = khabar().args(["export", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("Examples:"));
}

#[cfg(feature = "parquet")]
#[test]
fn code_as_parquet_has_the_gdelt_ids_and_one_row_per_event() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "tn-dz.txt", SCRAPE.as_bytes());
    let path = dir.path().join("e.parquet");
    let out = khabar().args(["code", "--format", "parquet", "-o"]).arg(&path).arg(&page).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let gdelt = khabar().args(["code", "--format", "gdelt"]).arg(&page).output().unwrap();
    let want: Vec<i64> = String::from_utf8(gdelt.stdout).unwrap().lines().map(|l| l.split('\t').next().unwrap().parse().unwrap()).collect();
    assert!(!want.is_empty());
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let ids: Vec<i64> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| match r.unwrap().get_column_iter().next().unwrap().1 {
            Field::Long(v) => *v,
            other => panic!("event_id is {other:?}"),
        })
        .collect();
    assert_eq!(ids, want);
    let missing = khabar().args(["code", "--format", "parquet"]).arg(&page).output().unwrap();
    assert!(!missing.status.success() && String::from_utf8_lossy(&missing.stderr).contains("needs -o"));
}
