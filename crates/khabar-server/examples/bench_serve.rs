//! Load and latency benchmark of `khabar serve` over a store (docs/BENCHMARKS.md, "Serve").
//!
//!     cargo run --release -p khabar-server --example bench_serve -- --db sn.db [--clients 200] [--rounds 20]
//!
//! Starts the server in this process on a free port (or uses `--url http://HOST:PORT` of a running
//! one), picks queries from the store's own aggregates (its top countries, roots, actors and days),
//! then measures over real HTTP/1.1 keep-alive connections with its own small client:
//!
//! 1. filtered event queries (`/api/v1/events?...`), one client, `--rounds` passes: p50/p95/max;
//! 2. aggregates (daily, countries, roots, dyads, GeoJSON) with the same filters: p50/p95/max;
//! 3. `--clients` concurrent clients, each sending `--per-client` mixed requests: errors,
//!    requests per second, p50/p95/max.
//!
//! Prints one JSON object.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One keep-alive HTTP/1.1 connection that reads `Content-Length` bodies.
struct Client {
    addr: SocketAddr,
    conn: Option<BufReader<TcpStream>>,
}

impl Client {
    fn new(addr: SocketAddr) -> Client {
        Client { addr, conn: None }
    }

    /// GET `path`: the status and the body.
    async fn get(&mut self, path: &str) -> std::io::Result<(u16, Vec<u8>)> {
        if self.conn.is_none() {
            let s = TcpStream::connect(self.addr).await?;
            s.set_nodelay(true)?;
            self.conn = Some(BufReader::new(s));
        }
        let conn = self.conn.as_mut().expect("connected");
        let req = format!("GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: application/json\r\n\r\n");
        conn.get_mut().write_all(req.as_bytes()).await?;
        let mut line = String::new();
        conn.read_line(&mut line).await?;
        let status: u16 = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
        let mut length = None;
        loop {
            line.clear();
            if conn.read_line(&mut line).await? == 0 {
                return Err(std::io::Error::other("connection closed"));
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse::<usize>().ok();
                }
            }
        }
        let n = length.ok_or_else(|| std::io::Error::other("no content-length"))?;
        let mut body = vec![0; n];
        conn.read_exact(&mut body).await?;
        Ok((status, body))
    }

    async fn json(&mut self, path: &str) -> serde_json::Value {
        let (status, body) = self.get(path).await.unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&body));
        serde_json::from_slice(&body).expect("JSON body")
    }
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    (sorted[i] * 100.0).round() / 100.0
}

fn summary(mut ms: Vec<f64>) -> serde_json::Value {
    ms.sort_by(f64::total_cmp);
    serde_json::json!({"requests": ms.len(), "p50_ms": pct(&ms, 0.5), "p95_ms": pct(&ms, 0.95), "max_ms": pct(&ms, 1.0)})
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b"-_.".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// The filters to measure, from what the store holds.
async fn filters(c: &mut Client) -> Vec<String> {
    let countries = c.json("/api/v1/aggregates/countries").await;
    let roots = c.json("/api/v1/aggregates/roots").await;
    let dyads = c.json("/api/v1/aggregates/dyads?limit=5").await;
    let days = c.json("/api/v1/aggregates/daily").await;
    let mut f = vec![String::new()];
    for x in countries["countries"].as_array().unwrap().iter().take(5) {
        f.push(format!("country={}", x["country"].as_str().unwrap()));
    }
    let mut by_count: Vec<&serde_json::Value> = roots["roots"].as_array().unwrap().iter().collect();
    by_count.sort_by_key(|r| -r["events"].as_i64().unwrap());
    for r in by_count.iter().take(4) {
        f.push(format!("root={}", r["root"].as_str().unwrap()));
    }
    for d in dyads["dyads"].as_array().unwrap().iter().take(3) {
        f.push(format!("actor={}", d["source"].as_str().unwrap()));
    }
    let mut busiest: Vec<&serde_json::Value> = days["days"].as_array().unwrap().iter().collect();
    busiest.sort_by_key(|d| -d["total"].as_i64().unwrap());
    for d in busiest.iter().take(3) {
        let day = d["date"].as_str().unwrap();
        f.push(format!("from={day}&to={day}"));
    }
    if let Some(d) = busiest.first() {
        let day = d["date"].as_str().unwrap();
        f.push(format!("from={}-01&to={day}", &day[..7]));
        if let Some(c0) = countries["countries"][0]["country"].as_str() {
            f.push(format!("from={}-01&to={day}&country={c0}&quadclass=4", &day[..7]));
        }
    }
    for q in ["الرياض", "اليمن", "وزير الخارجية", "الحوثي*"] {
        f.push(format!("q={}", enc(q)));
    }
    f.push("quadclass=1".into());
    f.push("cameo=04".into());
    f
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let (mut db, mut url, mut clients, mut rounds, mut per_client, mut connections) = (None, None, 200usize, 20usize, 25usize, 8usize);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--db" => db = Some(PathBuf::from(val())),
            "--url" => url = Some(val()),
            "--clients" => clients = val().parse().expect("--clients N"),
            "--rounds" => rounds = val().parse().expect("--rounds N"),
            "--per-client" => per_client = val().parse().expect("--per-client N"),
            "--connections" => connections = val().parse().expect("--connections N"),
            other => panic!("unknown argument {other} (--db FILE | --url http://HOST:PORT, --clients, --rounds, --per-client, --connections)"),
        }
    }
    let addr: SocketAddr = match (&db, &url) {
        (_, Some(u)) => u.trim_start_matches("http://").trim_end_matches('/').parse().expect("--url http://HOST:PORT"),
        (Some(db), None) => {
            let mut config = khabar_server::Config::new(db.clone(), "127.0.0.1:0".parse().unwrap());
            config.log = false;
            config.connections = connections;
            let app = khabar_server::app(&config).expect("open the store");
            let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
            let addr = listener.local_addr().unwrap();
            tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
            addr
        }
        (None, None) => panic!("--db FILE or --url http://HOST:PORT"),
    };
    let mut c = Client::new(addr);
    let stats = c.json("/api/v1/stats").await;
    let filters = filters(&mut c).await;
    // warm the page cache and the statements once
    for f in &filters {
        c.json(&format!("/api/v1/events?{f}")).await;
    }

    let time = |start: Instant| start.elapsed().as_secs_f64() * 1e3;
    let mut events_ms = Vec::new();
    let mut aggregates_ms = Vec::new();
    let mut detail_ms = Vec::new();
    let mut first_ids = Vec::new();
    for round in 0..rounds {
        for f in &filters {
            let sort = if round % 2 == 0 { "-date" } else { "date" };
            let t = Instant::now();
            let page = c.json(&format!("/api/v1/events?{f}&sort={sort}&limit=50")).await;
            events_ms.push(time(t));
            if let Some(cur) = page["next_cursor"].as_str() {
                let t = Instant::now();
                c.json(&format!("/api/v1/events?{f}&sort={sort}&limit=50&cursor={cur}")).await;
                events_ms.push(time(t));
            }
            if round == 0 {
                first_ids.extend(page["events"].as_array().unwrap().iter().take(3).map(|e| e["id"].as_i64().unwrap()));
            }
            for kind in ["aggregates/daily", "aggregates/countries", "aggregates/roots", "aggregates/dyads?limit=20&", "geojson"] {
                let sep = if kind.ends_with('&') { "" } else { "?" };
                let t = Instant::now();
                c.json(&format!("/api/v1/{kind}{sep}{f}")).await;
                aggregates_ms.push(time(t));
            }
        }
        for id in &first_ids {
            let t = Instant::now();
            c.json(&format!("/api/v1/events/{id}")).await;
            detail_ms.push(time(t));
        }
    }

    // concurrent clients, each on its own connection, a mix of list, aggregate and detail requests
    let mut paths = Vec::new();
    for f in &filters {
        paths.push(format!("/api/v1/events?{f}&limit=50"));
        paths.push(format!("/api/v1/aggregates/daily?{f}"));
        paths.push(format!("/api/v1/geojson?{f}"));
    }
    paths.extend(first_ids.iter().map(|id| format!("/api/v1/events/{id}")));
    let paths = std::sync::Arc::new(paths);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..clients {
        let paths = paths.clone();
        tasks.push(tokio::spawn(async move {
            let mut c = Client::new(addr);
            let mut ms = Vec::new();
            let mut errors = 0usize;
            for j in 0..per_client {
                let p = &paths[(i * 7 + j * 13) % paths.len()];
                let t = Instant::now();
                match tokio::time::timeout(Duration::from_secs(30), c.get(p)).await {
                    Ok(Ok((200, _))) => ms.push(t.elapsed().as_secs_f64() * 1e3),
                    _ => {
                        errors += 1;
                        c.conn = None;
                    }
                }
            }
            (ms, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (ms, e) = t.await.unwrap();
        all.extend(ms);
        errors += e;
    }
    let wall = start.elapsed().as_secs_f64();
    let ok = all.len();
    let out = serde_json::json!({
        "store": {"articles": stats["articles"], "events": stats["events"], "places": stats["places"]},
        "filters": filters.len(),
        "events": summary(events_ms),
        "aggregates": summary(aggregates_ms),
        "event_detail": summary(detail_ms),
        "concurrent": {
            "clients": clients, "requests": clients * per_client, "ok": ok, "errors": errors,
            "requests_per_s": (ok as f64 / wall).round(), "latency": summary(all),
        },
    });
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
