//! Allocation-free reads of the arguments on the hot path (webhook verification).
//!
//! napi-rs's own `String` conversion walks a JS string twice (once to measure its UTF-8
//! length, once to copy it) and allocates each time; `Buffer` checks take three N-API calls.
//! Webhook verification is called once per delivery and benchmarked against the official SDK,
//! so here: a Buffer (or any typed array view) is borrowed with one call, and a string is
//! copied once into a stack buffer (signatures, secrets) or a reused per-thread buffer
//! (bodies), sized from its UTF-16 length (an O(1) query) times three — the most UTF-8 one
//! UTF-16 unit can need.

use std::cell::RefCell;
use std::mem::MaybeUninit;
use std::ptr;

use napi::bindgen_prelude::*;
use napi::sys;

use crate::error;

/// Strings up to this many UTF-8 bytes are read on the stack (a hex signature is 64).
const STACK_BYTES: usize = 512;
/// A reused body buffer larger than this is released after use, not kept per thread.
const KEEP_SCRATCH_BYTES: usize = 1 << 20;

thread_local! {
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The length in UTF-16 units of a JS string, or `None` when `value` is not a string.
fn utf16_len(env: &Env, value: &Unknown) -> Result<Option<usize>> {
    let mut len = 0usize;
    // SAFETY: a null buffer asks only for the length; `value` belongs to this env and scope.
    let status = unsafe {
        sys::napi_get_value_string_utf16(env.raw(), value.raw(), ptr::null_mut(), 0, &mut len)
    };
    match status {
        sys::Status::napi_ok => Ok(Some(len)),
        sys::Status::napi_string_expected => Ok(None),
        other => Err(Error::new(
            Status::from(other),
            "reading a string argument failed",
        )),
    }
}

/// Copies the UTF-8 encoding of a JS string into `buf` (sized by [`utf8_capacity`], so nothing
/// is cut: lone surrogates become U+FFFD, 3 bytes) and returns the number of bytes written.
/// `buf` may be uninitialised: N-API only writes to it.
fn write_utf8(env: &Env, value: &Unknown, buf: &mut [MaybeUninit<u8>]) -> Result<usize> {
    let mut written = 0usize;
    // SAFETY: `buf` is writable for `buf.len()` bytes; N-API writes at most `len - 1` bytes plus
    // a terminating NUL and reports how many it wrote.
    let status = unsafe {
        sys::napi_get_value_string_utf8(
            env.raw(),
            value.raw(),
            buf.as_mut_ptr().cast(),
            buf.len(),
            &mut written,
        )
    };
    if status != sys::Status::napi_ok {
        return Err(Error::new(
            Status::from(status),
            "reading a string argument failed",
        ));
    }
    Ok(written)
}

/// The most UTF-8 bytes (plus NUL) a string of `units` UTF-16 units can need.
fn utf8_capacity(units: usize) -> Option<usize> {
    units.checked_mul(3)?.checked_add(1)
}

/// Calls `f` with a required string argument, read without allocating when it is short.
pub(crate) fn with_str<R>(
    env: &Env,
    value: &Unknown,
    name: &str,
    f: impl FnOnce(&str) -> Result<R>,
) -> Result<R> {
    let Some(units) = utf16_len(env, value)? else {
        return Err(error::arg_type(env, name, "of type string"));
    };
    let capacity = utf8_capacity(units)
        .ok_or_else(|| error::out_of_range(env, name, "the string is too long"))?;
    if capacity <= STACK_BYTES {
        let mut buf = [MaybeUninit::<u8>::uninit(); STACK_BYTES];
        let written = write_utf8(env, value, &mut buf[..capacity])?;
        // SAFETY: N-API initialised the first `written` bytes.
        let bytes = unsafe { std::slice::from_raw_parts(buf.as_ptr().cast::<u8>(), written) };
        f(utf8(env, bytes, name)?)
    } else {
        let mut buf = Vec::new();
        let bytes = fill(env, value, &mut buf, capacity)?;
        f(utf8(env, bytes, name)?)
    }
}

/// Writes the string into `buf` (emptied first, grown to `capacity`) without zeroing it first.
fn fill<'a>(env: &Env, value: &Unknown, buf: &'a mut Vec<u8>, capacity: usize) -> Result<&'a [u8]> {
    buf.clear();
    buf.reserve(capacity);
    let written = write_utf8(env, value, &mut buf.spare_capacity_mut()[..capacity])?;
    // SAFETY: N-API initialised the first `written` (< capacity) bytes of the spare capacity.
    unsafe { buf.set_len(written) };
    Ok(buf.as_slice())
}

/// Whether the typed array or `DataView` `view` lies over a `SharedArrayBuffer`: its backing
/// buffer is then not an `ArrayBuffer` (`napi_is_arraybuffer` is false for shared ones).
fn is_shared(env: &Env, view: &Unknown) -> Result<bool> {
    let raw = env.raw();
    let mut backing = ptr::null_mut();
    // SAFETY: plain queries on a value of this env; null out-pointers are skipped by N-API and
    // the others are valid locals. A typed array first (Buffer is one): one call on the hot path.
    let mut status = unsafe {
        sys::napi_get_typedarray_info(
            raw,
            view.raw(),
            ptr::null_mut(),
            ptr::null_mut(),
            ptr::null_mut(),
            &mut backing,
            ptr::null_mut(),
        )
    };
    if status != sys::Status::napi_ok {
        // SAFETY: as above.
        status = unsafe {
            sys::napi_get_dataview_info(
                raw,
                view.raw(),
                ptr::null_mut(),
                ptr::null_mut(),
                &mut backing,
                ptr::null_mut(),
            )
        };
    }
    if status != sys::Status::napi_ok || backing.is_null() {
        // Not a view we can classify: treat it as shared, so it is copied, never borrowed.
        return Ok(true);
    }
    let mut is_plain = false;
    // SAFETY: as above.
    let status = unsafe { sys::napi_is_arraybuffer(raw, backing, &mut is_plain) };
    Ok(status != sys::Status::napi_ok || !is_plain)
}

/// Copies `len` bytes of shared memory with relaxed atomic loads: other threads may write it
/// concurrently (JS `Atomics` semantics), so it is never viewed as a plain `&[u8]`.
///
/// # Safety
/// `data` must point to `len` bytes that stay allocated for the call.
unsafe fn copy_shared(data: *mut u8, len: usize) -> Vec<u8> {
    use std::sync::atomic::{AtomicU8, Ordering};
    (0..len)
        // SAFETY: in bounds of the live allocation; `AtomicU8` has the layout of `u8`.
        .map(|i| unsafe { AtomicU8::from_ptr(data.add(i)) }.load(Ordering::Relaxed))
        .collect()
}

/// N-API always writes valid UTF-8; checked anyway rather than assumed.
fn utf8<'a>(env: &Env, bytes: &'a [u8], name: &str) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|_| error::arg_value(env, name, "is not valid UTF-8"))
}

/// Calls `f` with the bytes of a body argument: a `Buffer`/`Uint8Array` (any typed array or
/// `DataView`: its bytes, borrowed) or a string (its UTF-8 encoding). A view over a
/// `SharedArrayBuffer` is copied first: another thread may write that memory while `f` reads,
/// and a `&[u8]` over memory that changes underneath it is undefined behaviour.
pub(crate) fn with_body<R>(
    env: &Env,
    value: &Unknown,
    name: &str,
    f: impl FnOnce(&[u8]) -> Result<R>,
) -> Result<R> {
    let mut data = ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: N-API accepts any value and fails with `napi_invalid_arg` for non-views.
    let status = unsafe { sys::napi_get_buffer_info(env.raw(), value.raw(), &mut data, &mut len) };
    if status == sys::Status::napi_ok {
        let bytes: &[u8] = if data.is_null() || len == 0 {
            &[]
        } else if is_shared(env, value)? {
            // SAFETY: as below; the copy reads each byte atomically (see `copy_shared`).
            let copy = unsafe { copy_shared(data.cast::<u8>(), len) };
            return f(&copy);
        } else {
            // SAFETY: N-API returned the view's backing memory and byte length; the view stays
            // alive (it is an argument of this call) and JS cannot run while `f` runs.
            unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) }
        };
        return f(bytes);
    }
    let expected = "of type string or an instance of Buffer or Uint8Array";
    let Some(units) = utf16_len(env, value)? else {
        return Err(error::arg_type(env, name, expected));
    };
    let capacity = utf8_capacity(units)
        .ok_or_else(|| error::out_of_range(env, name, "the string is too long"))?;
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            let result = fill(env, value, &mut scratch, capacity).and_then(f);
            if scratch.capacity() > KEEP_SCRATCH_BYTES {
                *scratch = Vec::new();
            }
            result
        }
        // Only if `f` itself read another body: use a private buffer.
        Err(_) => {
            let mut buf = Vec::new();
            f(fill(env, value, &mut buf, capacity)?)
        }
    })
}
