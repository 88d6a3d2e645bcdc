//! Measures how long the compiled-in gazetteer takes to build and how much memory it holds.
//!
//! ```text
//! cargo run --release -p khabar-geo --example gazetteer_load
//! ```
//!
//! Prints the build time of `Gazetteer::get()` (first use: parsing both TSV files and building
//! the name matchers), the time of a thousand look-ups, and the resident memory (Linux
//! `/proc/self/status`: VmRSS before and after, and the peak VmHWM).

use std::time::Instant;

use khabar_geo::Gazetteer;

fn status_kib(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let rss0 = status_kib("VmRSS:");
    let t = Instant::now();
    let g = Gazetteer::get();
    let load = t.elapsed();
    let rss1 = status_kib("VmRSS:");
    let names = ["Damascus", "دمشق", "Tripoli", "طرابلس", "Aleppo", "حلب", "Sanaa", "بغداد", "Kabul", "الموصل"];
    let t = Instant::now();
    let mut found = 0usize;
    for i in 0..1000 {
        found += usize::from(g.geocode(names[i % names.len()], &[]).is_some());
    }
    let lookups = t.elapsed();
    let (ar, latin) = g.name_counts();
    println!("places:            {} ({ar} Arabic and {latin} Latin name forms)", g.places().len());
    println!("heap held:         {:.1} MiB", g.heap_bytes() as f64 / (1024.0 * 1024.0));
    println!("load (first get):  {:.1} ms", load.as_secs_f64() * 1e3);
    println!("1000 geocodes:     {:.2} ms ({found} found)", lookups.as_secs_f64() * 1e3);
    if let (Some(a), Some(b)) = (rss0, rss1) {
        println!("RSS before/after:  {:.1} / {:.1} MiB (+{:.1} MiB)", a as f64 / 1024.0, b as f64 / 1024.0, (b.saturating_sub(a)) as f64 / 1024.0);
    }
    if let Some(h) = status_kib("VmHWM:") {
        println!("peak RSS (VmHWM):  {:.1} MiB", h as f64 / 1024.0);
    }
}
