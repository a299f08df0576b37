//! Work for libuv's thread pool, so a large request never stalls the event loop.

use napi::bindgen_prelude::{AsyncTask, Buffer};
use napi::{Env, Error, Result, Status, Task};
use napi_derive::napi;

use crate::source::{wipe, with_pool, Source};

pub struct RandomBytes {
  len: usize,
}

impl Task for RandomBytes {
  type Output = Vec<u8>;
  type JsValue = Buffer;

  fn compute(&mut self) -> Result<Vec<u8>> {
    // One thread per request: the facade sends large requests in slices, one at a time, so a
    // single call never holds more than one of libuv's threads.
    let mut bytes = vec![0u8; self.len];
    if let Err(e) = with_pool(|pool| pool.fill(&mut bytes)) {
      wipe(&mut bytes);
      return Err(Error::new(
        Status::GenericFailure,
        format!("the OS random source failed: {e}"),
      ));
    }
    Ok(bytes)
  }

  fn resolve(&mut self, _env: Env, bytes: Vec<u8>) -> Result<Buffer> {
    // The Buffer takes over the Vec's memory: no copy of the secret is left behind.
    Ok(Buffer::from(bytes))
  }
}

/// A Buffer of `len` random bytes, made on libuv's thread pool.
#[napi]
pub fn random_bytes_async(len: u32) -> AsyncTask<RandomBytes> {
  AsyncTask::new(RandomBytes { len: len as usize })
}
