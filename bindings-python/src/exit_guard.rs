//! Exit guard: no Rust thread enters the interpreter once it has started to shut down.
//!
//! Why: when an async client call finishes, Rust calls the generated module's continuation
//! callback (a ctypes function) from a tokio worker thread, or from inside `rust_future_poll`
//! on the calling thread. Entering Python takes the GIL; once CPython is finalising, a thread
//! that is not the main one and asks for the GIL is ended with `pthread_exit`, whose forced
//! unwind runs into Rust's `extern "C"` frames and aborts the process (`FATAL: exception not
//! rethrown`, exit code 134) — issue 15, item 1, seen in 15 of 16 runs of a program that exits
//! while `asyncio.run(client…)` calls are in flight on daemon threads.
//!
//! The guard sits between Rust and that callback. `__init__.py` installs `guarded_continuation`
//! in place of the generated callback and registers `close` with `atexit`, which CPython runs
//! before it starts finalising. After `close`, the guard drops wake-ups instead of entering
//! Python (nobody is left to await them: the program is ending), and `close` first waits, with
//! the GIL released, for any callback already on its way in to finish, so none is caught
//! half-way when finalisation begins.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The generated continuation callback: `void (*)(uint64_t data, int8_t poll_code)`.
type Continuation = extern "C" fn(u64, i8);

/// The generated callback's address (0 until [`install`]).
static TARGET: AtomicUsize = AtomicUsize::new(0);
/// Set by [`close`]: from then on wake-ups are dropped.
static CLOSED: AtomicBool = AtomicBool::new(false);
/// Callbacks between their check of `CLOSED` and their return.
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// How long `close` waits for callbacks already inside Python (each only schedules a wake-up
/// on its event loop, so they take microseconds; the bound keeps a wedged loop from hanging
/// the exit).
const DRAIN_LIMIT: Duration = Duration::from_secs(5);

/// What Rust calls instead of the generated callback.
extern "C" fn guarded_continuation(data: u64, poll_code: i8) {
    // SeqCst on both sides: either `close` sees this increment, or this load sees `CLOSED`.
    IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
    if !CLOSED.load(Ordering::SeqCst) {
        let target = TARGET.load(Ordering::SeqCst);
        if target != 0 {
            // SAFETY: `target` is the address of the generated ctypes callback with exactly
            // this signature, stored by `install`; `__init__.py` keeps that object alive for the
            // life of the process.
            let callback: Continuation =
                unsafe { std::mem::transmute::<usize, Continuation>(target) };
            callback(data, poll_code);
        }
    }
    IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
}

/// Records the generated callback's address and returns the guard's, which `__init__.py` wraps
/// in the generated callback type and installs in its place.
#[pyfunction]
fn install(callback_address: usize) -> PyResult<usize> {
    if callback_address == 0 {
        return Err(PyValueError::new_err(
            "continuation callback address is null",
        ));
    }
    TARGET.store(callback_address, Ordering::SeqCst);
    Ok(guarded_continuation as Continuation as usize)
}

/// Closes the guard (registered with `atexit`): later wake-ups are dropped, and callbacks
/// already on their way into Python are given up to five seconds to finish. Returns how many
/// were still in flight when it gave up (0 normally).
#[pyfunction]
fn close(py: Python<'_>) -> usize {
    CLOSED.store(true, Ordering::SeqCst);
    // Release the GIL: a callback waiting for it must be able to finish.
    py.detach(|| {
        let start = Instant::now();
        loop {
            let left = IN_FLIGHT.load(Ordering::SeqCst);
            if left == 0 || start.elapsed() > DRAIN_LIMIT {
                return left;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    })
}

/// Whether [`close`] has run.
#[pyfunction]
fn is_closed() -> bool {
    CLOSED.load(Ordering::SeqCst)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let guard = PyModule::new(m.py(), "exit_guard")?;
    guard.add_function(wrap_pyfunction!(install, &guard)?)?;
    guard.add_function(wrap_pyfunction!(close, &guard)?)?;
    guard.add_function(wrap_pyfunction!(is_closed, &guard)?)?;
    m.add_submodule(&guard)
}
