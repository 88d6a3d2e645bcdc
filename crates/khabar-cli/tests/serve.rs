//! `khabar serve` as a process: one log line per request on stderr (none with `--quiet`), and a
//! clean stop on Ctrl-C (SIGINT) or SIGTERM, with the requests in flight answered.
#![cfg(all(unix, feature = "serve"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

/// A store of the project's shipped examples.
fn store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("k.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let out = khabar().args(["ingest", "--quiet", "--db"]).arg(&db).arg(&examples).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

/// Starts `khabar serve` on a free port; returns the child, its address and its stderr lines.
fn serve(db: &Path, quiet: bool) -> (Child, String, std::sync::mpsc::Receiver<String>) {
    let mut cmd = khabar();
    if quiet {
        cmd.arg("--quiet");
    }
    let mut child = cmd.args(["serve", "--addr", "127.0.0.1:0", "--db"]).arg(db).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    // (the first line names the address, `--quiet` or not: the one thing a user must be told)
    let first = rx.recv_timeout(Duration::from_secs(30)).expect("serve says where it listens");
    let addr = first.split("http://").nth(1).and_then(|r| r.split('/').next()).unwrap_or_else(|| panic!("no address in {first:?}")).to_string();
    (child, addr, rx)
}

/// A GET over a fresh connection; the status code.
fn get(addr: &str, path: &str) -> u16 {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    body.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or_else(|| panic!("no status in {body:?}"))
}

/// Sends `signal` and waits for the exit; the lines written after the start.
fn stop(mut child: Child, signal: &str, rx: std::sync::mpsc::Receiver<String>) -> (std::process::ExitStatus, Vec<String>) {
    let sent = Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "serve did not stop on {signal}");
        std::thread::sleep(Duration::from_millis(20));
    };
    (status, rx.try_iter().collect())
}

#[test]
fn each_request_is_one_log_line_and_ctrl_c_stops_the_server_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let (child, addr, rx) = serve(&db, false);
    assert_eq!(get(&addr, "/api/v1/events?limit=2"), 200);
    assert_eq!(get(&addr, "/api/v1/events?limit=abc"), 400);
    assert_eq!(get(&addr, "/api/v1/events/999999"), 404);
    // (a line is written once the response is: give the last one a moment)
    std::thread::sleep(Duration::from_millis(200));
    let (status, lines) = stop(child, "-INT", rx);
    assert!(status.success(), "Ctrl-C is a clean stop: {status:?}, {lines:?}");
    let requests: Vec<&String> = lines.iter().filter(|l| l.starts_with("GET ")).collect();
    assert_eq!(requests.len(), 3, "one line per request: {lines:?}");
    assert!(requests[0].contains("/api/v1/events?limit=2 200 ") && requests[0].ends_with("ms"), "{}", requests[0]);
    assert!(requests[1].contains(" 400 ") && requests[2].contains(" 404 "), "{requests:?}");
    assert_eq!(lines.last().map(String::as_str), Some("khabar serve: stopped"), "{lines:?}");
}

#[test]
fn quiet_serves_without_request_lines_and_sigterm_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let (child, addr, rx) = serve(&db, true);
    assert_eq!(get(&addr, "/api/v1/stats"), 200);
    std::thread::sleep(Duration::from_millis(200));
    let (status, lines) = stop(child, "-TERM", rx);
    assert!(status.success(), "{status:?}, {lines:?}");
    assert!(!lines.iter().any(|l| l.starts_with("GET ")), "--quiet writes no request lines: {lines:?}");
}
