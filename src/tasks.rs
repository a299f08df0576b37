//! Work for libuv's thread pool, so a large request never stalls the event loop.

use std::os::raw::c_void;
use std::ptr;

use napi::bindgen_prelude::{AsyncTask, ToNapiValue, TypeName};
use napi::{sys, Env, Error, Result, Status, Task, ValueType};

use crate::error;
use crate::secret::{zeroed, SecretVec};
use crate::source::{with_pool, Source};

/// A Promise of a Buffer of `len` random bytes, made on libuv's thread pool; `env` is the
/// environment of the N-API call in progress.
pub fn random_bytes(env: sys::napi_env, len: usize) -> Result<sys::napi_value> {
  // SAFETY: called on the JavaScript thread of `env`, within the callback it was passed to.
  unsafe { AsyncTask::to_napi_value(env, AsyncTask::new(RandomBytes { len })) }
}

pub struct RandomBytes {
  len: usize,
}

impl Task for RandomBytes {
  // Owned by a type that wipes on drop, so bytes left behind by a cancelled task, by a teardown
  // before `resolve` or by a failed conversion are wiped all the same.
  type Output = SecretVec<u8>;
  type JsValue = SecretBuffer;

  fn compute(&mut self) -> Result<SecretVec<u8>> {
    // One thread per request: the facade sends large requests in slices, one at a time, so a
    // single call never holds more than one of libuv's threads.
    let mut bytes = zeroed(self.len).map_err(failed)?;
    with_pool(|pool| pool.fill(&mut bytes)).map_err(failed)?;
    Ok(bytes)
  }

  fn resolve(&mut self, _env: Env, bytes: SecretVec<u8>) -> Result<SecretBuffer> {
    Ok(SecretBuffer(bytes))
  }
}

/// A failure as napi-rs rejects with it: its `code` is napi-rs's status, so the message leads
/// with ours, which the facade moves to `code` (`lib/backends/native.ts`).
fn failed(e: error::Error) -> Error {
  Error::new(Status::GenericFailure, format!("{}: {e}", e.code()))
}

/// Random bytes on their way to becoming a Buffer. The Buffer takes over their memory where the
/// runtime allows it; where it refuses external memory (Electron with the V8 sandbox) it gets a
/// copy, and the original is wiped as it is dropped, which napi-rs's `Buffer` would not do.
pub struct SecretBuffer(SecretVec<u8>);

impl TypeName for SecretBuffer {
  fn type_name() -> &'static str {
    "Buffer"
  }

  fn value_type() -> ValueType {
    ValueType::Object
  }
}

impl ToNapiValue for SecretBuffer {
  unsafe fn to_napi_value(env: sys::napi_env, value: Self) -> Result<sys::napi_value> {
    let mut bytes = value.0;
    let mut result = ptr::null_mut();
    if bytes.is_empty() {
      let status = unsafe { sys::napi_create_buffer(env, 0, ptr::null_mut(), &mut result) };
      return check(status, result);
    }
    let (data, len) = (bytes.as_mut_ptr(), bytes.len());
    // The Vec's memory now belongs to the Buffer, released (and wiped) by `release` when V8 frees
    // it. Boxed so the finaliser can rebuild the Vec with its true capacity; moving the Vec into
    // the box leaves its heap memory, which `data` points to, where it is.
    let owner = Box::into_raw(Box::new(bytes));
    let status = unsafe {
      sys::napi_create_external_buffer(
        env,
        len,
        data.cast(),
        Some(release),
        owner.cast(),
        &mut result,
      )
    };
    if status == sys::Status::napi_ok {
      return Ok(result);
    }
    if !left_with_us(status, !result.is_null()) {
      // The runtime has taken the bytes and will hand them to `release`, however it failed:
      // taking them back would free them twice. (Where a runtime other than Node.js fails in a
      // way Node.js does not, the bytes may also never be released: a leak, not a double free.)
      return check(status, result);
    }
    // SAFETY: `left_with_us` holds, so nothing but `owner` refers to the box: Node.js returns
    // those statuses before it makes the finaliser that would call `release` (see there).
    let bytes = unsafe { Box::from_raw(owner) };
    if status != sys::Status::napi_no_external_buffers_allowed {
      return check(status, result);
    }
    // External memory refused: copy the bytes, and let the owner wipe the original as it drops.
    let status = unsafe {
      sys::napi_create_buffer_copy(
        env,
        len,
        bytes.as_ptr().cast(),
        ptr::null_mut(),
        &mut result,
      )
    };
    check(status, result)
  }
}

/// Whether a `napi_create_external_buffer` that failed with `status`, having `made` a Buffer
/// (set its result) or not, left its bytes to us. From Node.js's `src/node_api.cc`, which checks,
/// in this order:
/// - `NAPI_PREAMBLE` (`src/js_native_api_v8.h`): `napi_pending_exception` while an exception is
///   pending, and once the environment can no longer run JavaScript (at teardown)
///   `napi_cannot_run_js` (`napi_pending_exception` for modules below the experimental
///   Node-API version, as this one is); `napi_invalid_arg` for a null `env` or `result`, which
///   this code never passes;
/// - under V8's sandbox (Electron), `napi_no_external_buffers_allowed`;
/// - then it makes the finaliser that will call `release`, and `node::Buffer::New`
///   (`src/node_buffer.cc`) takes the bytes on every path: where it fails, it has either run the
///   finaliser's callback already (no Node.js environment, or a length over `kMaxLength`), or
///   made the ArrayBuffer that runs it when collected; that callback queues `release` with
///   `SetImmediate`. The status is then `napi_generic_failure`, or `napi_pending_exception` after
///   the result was set (a Buffer made while something threw).
///
/// So the bytes are ours after the first three statuses with no result set, and Node.js's in
/// every other case. A status this list does not name counts as Node.js's: a leak, never a
/// double free.
fn left_with_us(status: sys::napi_status, made: bool) -> bool {
  !made
    && matches!(
      status,
      sys::Status::napi_pending_exception
        | sys::Status::napi_cannot_run_js
        | sys::Status::napi_no_external_buffers_allowed
    )
}

fn check(status: sys::napi_status, value: sys::napi_value) -> Result<sys::napi_value> {
  if status == sys::Status::napi_ok {
    Ok(value)
  } else {
    Err(Error::new(
      Status::GenericFailure,
      format!("an N-API call failed with status {status}"),
    ))
  }
}

/// Frees (and wipes) a Buffer's bytes once V8 no longer needs them.
unsafe extern "C" fn release(_env: sys::napi_env, _data: *mut c_void, owner: *mut c_void) {
  drop(unsafe { Box::from_raw(owner.cast::<SecretVec<u8>>()) });
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn bytes_come_back_only_where_node_has_not_taken_them() {
    use sys::Status::*;
    // Refused before the finaliser exists: ours to wipe and free (or copy).
    for status in [
      napi_pending_exception,
      napi_cannot_run_js,
      napi_no_external_buffers_allowed,
    ] {
      assert!(left_with_us(status, false), "{status}");
    }
    // Failed after: Node.js runs `release`, so the bytes must not be freed here too.
    assert!(!left_with_us(napi_generic_failure, false));
    assert!(!left_with_us(napi_pending_exception, true));
    assert!(!left_with_us(napi_ok, true));
    // Never returned after the finaliser exists, but unknown to this code: left to the runtime.
    assert!(!left_with_us(napi_invalid_arg, false));
    assert!(!left_with_us(napi_cannot_run_js + 100, false));
  }

  #[test]
  fn failures_lead_with_their_code() {
    let e = failed(error::Error::Memory(5));
    assert_eq!(
      e.reason,
      "ERR_MEMORY_ALLOCATION_FAILED: 5 bytes of memory could not be allocated"
    );
  }
}
