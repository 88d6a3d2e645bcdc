//! Read-only connections to the store, lent to blocking tasks.
//!
//! SQLite calls block, so they run on tokio's blocking threads; a semaphore bounds how many run
//! at once (each holds one connection), and idle connections are kept for the next request.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use khabar_store::Store;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// A bounded set of read-only stores over one file.
pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

/// A connection lent out with its permit; both go back when it is dropped.
pub struct Lease {
    store: Option<Store>,
    pool: Arc<Pool>,
    _permit: OwnedSemaphorePermit,
}

impl std::ops::Deref for Lease {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.store.as_ref().expect("a lease holds its store until dropped")
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(s) = self.store.take() {
            self.pool.idle.lock().unwrap_or_else(|p| p.into_inner()).push(s);
        }
    }
}

impl Pool {
    /// Opens the store once (checking its schema version) and allows `size` connections.
    pub fn open(path: &Path, size: usize) -> Result<Pool, khabar_store::StoreError> {
        let first = open(path)?;
        Ok(Pool { path: path.to_path_buf(), idle: Mutex::new(vec![first]), permits: Arc::new(Semaphore::new(size.max(1))) })
    }

    /// Waits for a permit, then lends a connection (opening one if none is idle).
    async fn lease(self: &Arc<Self>) -> Result<(OwnedSemaphorePermit, Option<Store>), ApiError> {
        let permit = self.permits.clone().acquire_owned().await.map_err(|e| ApiError::Internal(e.to_string()))?;
        let store = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        Ok((permit, store))
    }

    /// Runs `f` on a blocking thread with a read-only connection.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let opener = self.lend().await?;
        tokio::task::spawn_blocking(move || {
            let lease = opener.open()?;
            f(&lease)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("query task: {e}")))?
    }

    /// A lease to move into a blocking task (opened there, as opening touches the disk).
    pub async fn lend(self: &Arc<Self>) -> Result<LeaseOpener, ApiError> {
        let (permit, store) = self.lease().await?;
        Ok(LeaseOpener { pool: self.clone(), permit, store })
    }
}

/// A permit and maybe an idle store; [`LeaseOpener::open`]s into a [`Lease`] on the blocking thread.
pub struct LeaseOpener {
    pool: Arc<Pool>,
    permit: OwnedSemaphorePermit,
    store: Option<Store>,
}

impl LeaseOpener {
    /// The lease: the idle store, or a newly opened one.
    pub fn open(self) -> Result<Lease, ApiError> {
        let store = match self.store {
            Some(s) => s,
            None => open(&self.pool.path)?,
        };
        Ok(Lease { store: Some(store), pool: self.pool, _permit: self.permit })
    }
}

/// A read-only store with reader settings: `query_only` as a second lock against writes, and
/// memory-mapped reads (scans of the events table are the server's main cost).
fn open(path: &Path) -> Result<Store, khabar_store::StoreError> {
    let store = Store::open_read(path)?;
    store.connection().execute_batch("PRAGMA query_only = 1; PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16384;")?;
    Ok(store)
}
