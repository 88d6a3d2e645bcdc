//! `khabar serve`: the store in the browser (map, timeline, filters, evidence) over a JSON API;
//! the server itself is the `khabar-server` crate.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  khabar ingest examples/ --db examples.db && khabar serve --db examples.db   # then open http://127.0.0.1:8080/
  khabar serve --db corpus.db --addr 0.0.0.0:8080                           # on every interface
  curl 'http://127.0.0.1:8080/api/v1/events?country=LBN&root=19&limit=5'   # the API: docs/API.md

The store is opened read-only; an ingest may write it at the same time. Ctrl-C stops the server.")]
pub(crate) struct Args {
    /// The store to read.
    #[arg(long, default_value = "khabar.db")]
    db: PathBuf,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Read connections to the store at once.
    #[arg(long, default_value_t = 8)]
    connections: usize,
}

#[cfg(feature = "serve")]
pub(crate) fn run(args: Args, quiet: bool) -> anyhow::Result<bool> {
    let config = khabar_server::Config { db: args.db, addr: args.addr, connections: args.connections, log: !quiet };
    khabar_server::run(config)?;
    Ok(true)
}

#[cfg(not(feature = "serve"))]
pub(crate) fn run(args: Args, _quiet: bool) -> anyhow::Result<bool> {
    let _ = (args.db, args.addr, args.connections);
    anyhow::bail!("this khabar was built without the server: rebuild with `--features serve`")
}
