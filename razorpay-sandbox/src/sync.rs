//! Small helpers every module shares: poison-tolerant locking and bounded logs. A leaf
//! module, so `shared` and `webhooks` both use it without depending on each other.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Most entries the request and delivery logs keep; older ones are dropped so a long-running
/// sandbox (or a benchmark) does not grow without bound.
pub const LOG_LIMIT: usize = 10_000;

/// Appends to a log, dropping the oldest entries beyond [`LOG_LIMIT`].
pub fn push_bounded<T>(log: &mut Vec<T>, entry: T) {
    if log.len() >= LOG_LIMIT {
        log.drain(..log.len() + 1 - LOG_LIMIT);
    }
    log.push(entry);
}

/// Locks a mutex, ignoring poisoning: every critical section leaves consistent data.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_keep_the_newest_entries() {
        let mut log: Vec<usize> = (0..LOG_LIMIT).collect();
        push_bounded(&mut log, LOG_LIMIT);
        assert_eq!(log.len(), LOG_LIMIT);
        assert_eq!((log[0], log[LOG_LIMIT - 1]), (1, LOG_LIMIT));
    }
}
