//! Hand-written N-API callbacks for the calls that must be cheap.
//!
//! On the benchmark machine (see the README), napi-rs's `#[napi]` glue costs about 70 ns a call
//! once a function takes an argument (native-borrow scopes and checked conversions): more than
//! the work of a 32-byte token. A callback that reads its arguments with plain N-API calls costs
//! about 25 ns in all. The facade has validated every argument before it calls these, so they
//! only convert, with cheap checks of what a caller bypassing the facade could pass (a size past
//! 2**32 - 1 must not wrap, a bound below 1n must not pass as its magnitude). They throw Errors
//! with codes, and never unwind into V8.

use std::ffi::CString;
use std::os::raw::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use napi::sys;

use zeroize::DefaultIsZeroes;

use crate::below;
use crate::compare;
use crate::encode;
use crate::error::Error;
use crate::external;
use crate::secret::{zeroed, SecretVec, WipedArray};
use crate::source::{self, with_pool};
use crate::tasks;

pub type Callback = unsafe extern "C" fn(sys::napi_env, sys::napi_callback_info) -> sys::napi_value;

/// An `extern "C"` N-API callback that runs `body` (a `fn(&mut Call) -> Outcome`) through `run`.
macro_rules! callback {
  ($body:path) => {{
    unsafe extern "C" fn callback(
      env: sys::napi_env,
      info: sys::napi_callback_info,
    ) -> sys::napi_value {
      run(env, info, $body)
    }
    callback as Callback
  }};
}

/// An `extern "C"` N-API callback making one token of `DEFAULT_BYTES` bytes in `$encoding`. It
/// reads no argument: `napi_get_cb_info` and the size's `napi_get_value_double` cost about 10 ns
/// of a 32-byte token's 70 on the benchmark machine, and the default size, the one most tokens
/// have, need not pay them.
macro_rules! default_token {
  ($encoding:path) => {{
    unsafe extern "C" fn callback(
      env: sys::napi_env,
      _info: sys::napi_callback_info,
    ) -> sys::napi_value {
      let call = Call {
        env,
        args: [ptr::null_mut(); 2],
      };
      settle(env, || tokens(&call, 1, DEFAULT_BYTES, $encoding))
    }
    callback as Callback
  }};
}

/// `DEFAULT_ENTROPY`, the facade's default token size in bytes.
const DEFAULT_BYTES: usize = 32;

/// The callbacks, by the names `binding.js` exports them under.
pub const EXPORTS: [(&str, Callback); 11] = [
  ("fillRandom", callback!(fill_random)),
  ("tokenHex", callback!(token_hex)),
  ("tokenUrlsafe", callback!(token_urlsafe)),
  ("tokenHexDefault", default_token!(HEX)),
  ("tokenUrlsafeDefault", default_token!(BASE64URL)),
  ("tokenHexBatch", callback!(token_hex_batch)),
  ("tokenUrlsafeBatch", callback!(token_urlsafe_batch)),
  ("randbits", callback!(randbits)),
  ("randbelowBig", callback!(randbelow_big)),
  ("compareBytes", callback!(compare_bytes)),
  ("compareStrings", callback!(compare_strings)),
];

/// Adds the callbacks of `EXPORTS` to the module's `exports`.
pub fn register(env: sys::napi_env, exports: sys::napi_value) -> napi::Result<()> {
  external::detect(env);
  let add = || -> Result<(), Failure> {
    for (name, callback) in EXPORTS {
      // The names are literals with no NUL byte in them.
      let name = CString::new(name).unwrap_or_default();
      let mut function = ptr::null_mut();
      check(unsafe {
        sys::napi_create_function(
          env,
          name.as_ptr(),
          name.as_bytes().len() as isize,
          Some(callback),
          ptr::null_mut(),
          &mut function,
        )
      })?;
      check(unsafe { sys::napi_set_named_property(env, exports, name.as_ptr(), function) })?;
    }
    Ok(())
  };
  add().map_err(|_| {
    napi::Error::new(
      napi::Status::GenericFailure,
      "napi-secrets could not register its native functions",
    )
  })
}

enum Failure {
  /// An N-API call failed with this status.
  Napi(sys::napi_status),
  /// The random source or an allocation (one that aborts would end the process) failed.
  Source(Error),
  /// An argument out of range, which the facade never passes: its name, what it must be, and
  /// the value received.
  Range(&'static str, &'static str, String),
  /// A panic, caught before it could unwind into V8.
  Panic,
}

impl From<Error> for Failure {
  fn from(e: Error) -> Self {
    Failure::Source(e)
  }
}

type Outcome = Result<sys::napi_value, Failure>;

fn check(status: sys::napi_status) -> Result<(), Failure> {
  if status == sys::Status::napi_ok {
    Ok(())
  } else {
    Err(Failure::Napi(status))
  }
}

/// One call's environment and (up to two) arguments.
struct Call {
  env: sys::napi_env,
  args: [sys::napi_value; 2],
}

impl Call {
  /// Argument `i`, named `name`, an integer in `[0, 2**32)`. Read as a double, so that 2**32 + 3
  /// is refused rather than wrapped to 3 (`napi_get_value_uint32` wraps).
  fn size(&self, i: usize, name: &'static str) -> Result<usize, Failure> {
    let mut n = 0.0;
    check(unsafe { sys::napi_get_value_double(self.env, self.args[i], &mut n) })?;
    // `as` saturates (and takes NaN to 0), so only the integers in range come back unchanged.
    let k = n as u32;
    if f64::from(k) != n {
      let must = "an integer >= 0 and <= 4294967295";
      return Err(Failure::Range(name, must, js_number(n)));
    }
    Ok(k as usize)
  }

  /// The bytes of argument `i`, a Uint8Array.
  fn bytes(&self, i: usize) -> Result<&[u8], Failure> {
    self.view(i).map(|(data, len)| {
      // SAFETY: as in `bytes_mut`, for reading.
      unsafe { std::slice::from_raw_parts(data, len) }
    })
  }

  /// The bytes of argument `i`, a Uint8Array, to write.
  fn bytes_mut(&mut self, i: usize) -> Result<&mut [u8], Failure> {
    self.view(i).map(|(data, len)| {
      // SAFETY: V8 owns `len` bytes at `data` for as long as the view is reachable, which is at
      // least this call, and JavaScript on this thread is paused until the callback returns.
      // What this does not cover: over a SharedArrayBuffer, another thread may write the bytes
      // meanwhile. In Rust's memory model that is a data race, undefined behaviour through a
      // slice or a raw pointer alike; only atomic accesses would avoid it, at the price of a
      // private copy of every fill. Like Node's own `randomFillSync` and every addon that
      // takes typed arrays, this assumes what the hardware does: racing plain accesses leave
      // each byte with one of the values written. The bytes are reached through a pointer from
      // an opaque FFI call, written with random bytes and never read back (fills), or read to
      // be compared (comparisons), so a race can change a result, not reach other memory.
      unsafe { std::slice::from_raw_parts_mut(data, len) }
    })
  }

  /// Where the bytes of Uint8Array argument `i` are, and how many; dangling but aligned if none.
  fn view(&self, i: usize) -> Result<(*mut u8, usize), Failure> {
    // napi_get_buffer_info takes any ArrayBufferView and, unlike napi_get_typedarray_info, does
    // not work out the element type by testing each kind in turn (a third of a compare's time).
    let (mut data, mut len) = (ptr::null_mut::<c_void>(), 0);
    check(unsafe { sys::napi_get_buffer_info(self.env, self.args[i], &mut data, &mut len) })?;
    if len == 0 || data.is_null() {
      return Ok((ptr::NonNull::dangling().as_ptr(), 0));
    }
    Ok((data.cast::<u8>(), len))
  }

  /// Copies string argument `i` into `out` (its length plus one for N-API's terminator) and
  /// returns the number of UTF-16 code units.
  fn utf16(&self, i: usize, out: &mut [u16]) -> Result<usize, Failure> {
    let mut len = 0;
    let buf = if out.is_empty() {
      ptr::null_mut()
    } else {
      out.as_mut_ptr()
    };
    check(unsafe {
      sys::napi_get_value_string_utf16(self.env, self.args[i], buf, out.len(), &mut len)
    })?;
    Ok(len)
  }

  /// The number of 64-bit words in bigint argument `i` (N-API counts when both outputs are null).
  fn bigint_len(&self, i: usize) -> Result<usize, Failure> {
    let mut count = 0;
    check(unsafe {
      sys::napi_get_value_bigint_words(
        self.env,
        self.args[i],
        ptr::null_mut(),
        &mut count,
        ptr::null_mut(),
      )
    })?;
    Ok(count)
  }

  /// Bigint argument `i`, named `name`, as little-endian words: a bound, which must be >= 1.
  fn bound(&self, i: usize, name: &'static str, out: &mut [u64]) -> Result<(), Failure> {
    let (mut sign, mut count) = (0, out.len());
    check(unsafe {
      sys::napi_get_value_bigint_words(
        self.env,
        self.args[i],
        &mut sign,
        &mut count,
        out.as_mut_ptr(),
      )
    })?;
    if sign != 0 || out.iter().all(|&w| w == 0) {
      let shown = if sign != 0 { "a negative bigint" } else { "0n" };
      return Err(Failure::Range(name, "a bigint >= 1n", shown.to_owned()));
    }
    Ok(())
  }

  fn latin1(&self, text: &[u8]) -> Outcome {
    let mut value = ptr::null_mut();
    check(unsafe {
      sys::napi_create_string_latin1(
        self.env,
        text.as_ptr().cast(),
        text.len() as isize,
        &mut value,
      )
    })?;
    Ok(value)
  }

  /// `text` as a string whose characters are wiped once V8 collects it (see `external`).
  fn external_latin1(&self, text: SecretVec<u8>) -> Outcome {
    external::latin1(self.env, text).map_err(Failure::Napi)
  }

  fn bigint(&self, words: &[u64]) -> Outcome {
    let mut value = ptr::null_mut();
    check(unsafe {
      sys::napi_create_bigint_words(self.env, 0, words.len(), words.as_ptr(), &mut value)
    })?;
    Ok(value)
  }

  fn boolean(&self, b: bool) -> Outcome {
    let mut value = ptr::null_mut();
    check(unsafe { sys::napi_get_boolean(self.env, b, &mut value) })?;
    Ok(value)
  }

  /// A Promise already rejected with the error `failure` becomes.
  fn rejected(&self, failure: Failure) -> Outcome {
    let error =
      js_error(self.env, failure).ok_or(Failure::Napi(sys::Status::napi_pending_exception))?;
    let (mut deferred, mut promise) = (ptr::null_mut(), ptr::null_mut());
    check(unsafe { sys::napi_create_promise(self.env, &mut deferred, &mut promise) })?;
    check(unsafe { sys::napi_reject_deferred(self.env, deferred, error) })?;
    Ok(promise)
  }

  fn undefined(&self) -> Outcome {
    let mut value = ptr::null_mut();
    check(unsafe { sys::napi_get_undefined(self.env, &mut value) })?;
    Ok(value)
  }
}

/// Runs `body` for one call; a failure or a panic becomes a thrown JavaScript `Error`.
fn run(
  env: sys::napi_env,
  info: sys::napi_callback_info,
  body: impl FnOnce(&mut Call) -> Outcome,
) -> sys::napi_value {
  settle(env, || {
    let mut call = Call {
      env,
      args: [ptr::null_mut(); 2],
    };
    let mut argc = call.args.len();
    check(unsafe {
      sys::napi_get_cb_info(
        env,
        info,
        &mut argc,
        call.args.as_mut_ptr(),
        ptr::null_mut(),
        ptr::null_mut(),
      )
    })?;
    body(&mut call)
  })
}

/// The value `f` makes, or null with its failure (a panic included) thrown: nothing unwinds into
/// V8.
fn settle(env: sys::napi_env, f: impl FnOnce() -> Outcome) -> sys::napi_value {
  match catch_unwind(AssertUnwindSafe(f)).unwrap_or(Err(Failure::Panic)) {
    Ok(value) => value,
    Err(failure) => {
      if let Some(error) = js_error(env, failure) {
        unsafe { sys::napi_throw(env, error) };
      }
      ptr::null_mut()
    }
  }
}

/// The JavaScript error a failure becomes, thrown or rejected with alike; `None` where an
/// exception is already pending (a getter threw, say), to propagate as it is, or where N-API
/// cannot make the error.
fn js_error(env: sys::napi_env, failure: Failure) -> Option<sys::napi_value> {
  let (create, code, message) = match failure {
    Failure::Napi(sys::Status::napi_pending_exception) => return None,
    Failure::Napi(status) if WRONG_TYPE.contains(&status) => (
      sys::napi_create_type_error as Create,
      "ERR_INVALID_ARG_TYPE",
      format!(
        "an argument of the wrong type reached napi-secrets' native code (N-API status {status})"
      ),
    ),
    Failure::Napi(status) => (
      sys::napi_create_error as Create,
      "ERR_NAPI_SECRETS_NAPI_CALL",
      format!("an N-API call failed with status {status}"),
    ),
    Failure::Source(e) => (sys::napi_create_error as Create, e.code(), e.to_string()),
    Failure::Range(name, must, received) => (
      sys::napi_create_range_error as Create,
      "ERR_OUT_OF_RANGE",
      format!("The value of \"{name}\" is out of range. It must be {must}. Received {received}"),
    ),
    Failure::Panic => (
      sys::napi_create_error as Create,
      "ERR_NAPI_SECRETS_INTERNAL",
      "napi-secrets: internal error".to_owned(),
    ),
  };
  let text = |s: &str| {
    let mut value = ptr::null_mut();
    let status =
      unsafe { sys::napi_create_string_utf8(env, s.as_ptr().cast(), s.len() as isize, &mut value) };
    (status == sys::Status::napi_ok).then_some(value)
  };
  let (code, message) = (text(code)?, text(&message)?);
  let mut error = ptr::null_mut();
  let status = unsafe { create(env, code, message, &mut error) };
  (status == sys::Status::napi_ok).then_some(error)
}

/// `napi_create_error` and its TypeError and RangeError twins, which also set `code`.
type Create = unsafe fn(
  sys::napi_env,
  sys::napi_value,
  sys::napi_value,
  *mut sys::napi_value,
) -> sys::napi_status;

/// A number as JavaScript's `String(n)` shows it, for the "Received" of a message: `Infinity`
/// where Rust says `inf`, and exponents past JavaScript's thresholds (`1e+21`, `1e-7`).
fn js_number(n: f64) -> String {
  if n.is_infinite() {
    return if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
  }
  if n != 0.0 && !(1e-6..1e21).contains(&n.abs()) {
    return format!("{n:e}").replace("e", "e+").replace("e+-", "e-");
  }
  n.to_string()
}

/// The statuses of an N-API read given a value of the wrong type.
const WRONG_TYPE: [sys::napi_status; 5] = [
  sys::Status::napi_invalid_arg,
  sys::Status::napi_number_expected,
  sys::Status::napi_string_expected,
  sys::Status::napi_bigint_expected,
  sys::Status::napi_arraybuffer_expected,
];

/// Runs `f` on a zeroed buffer of `len` elements, wiped after however `f` ends: on the stack
/// when it fits in `N`, so a token costs no allocation, else on the heap.
fn with_buffer<T: DefaultIsZeroes, const N: usize, R>(
  len: usize,
  f: impl FnOnce(&mut [T]) -> Result<R, Failure>,
) -> Result<R, Failure> {
  if len <= N {
    f(&mut WipedArray(&mut [T::default(); N])[..len])
  } else {
    f(&mut zeroed(len)?)
  }
}

/// The bytes of UTF-16 code units, to compare them as bytes: equal units iff equal bytes.
fn units_as_bytes(units: &[u16]) -> &[u8] {
  // SAFETY: a `u16` slice is valid as `u8`s of twice the length (any bit pattern, no alignment).
  unsafe { std::slice::from_raw_parts(units.as_ptr().cast::<u8>(), 2 * units.len()) }
}

/// A text encoding of random bytes: its length for `n` bytes (if a `usize` can count it: always
/// for `n < 2**32` where `usize` has 64 bits), the encoder, and whether the
/// encodings of `n`-byte runs, back to back, are the encoding of the runs joined (always for hex;
/// for base64url when `n` is a multiple of 3, so no run ends inside a sextet).
type Encoding = (
  fn(usize) -> Option<usize>,
  fn(&[u8], &mut [u8]),
  fn(usize) -> bool,
);

const HEX: Encoding = (encode::hex_len, encode::hex, |_| true);
const BASE64URL: Encoding = (encode::base64url_len, encode::base64url, |n| n % 3 == 0);

/// One latin1 string of `count` tokens back to back, each `nbytes` random bytes encoded by
/// `encoding`; made from the pool's bytes in place. A short text is wiped once V8 has its copy;
/// a long one stays outside V8's heap and is wiped when V8 collects it (see `external`).
/// Inlined into each entry, so that `encoding`'s functions are direct calls.
#[inline(always)]
fn tokens(call: &Call, count: usize, nbytes: usize, (len, encode, joins): Encoding) -> Outcome {
  let len = len(nbytes).ok_or_else(|| {
    let must = "small enough for its encoding to fit in memory";
    Failure::Range("nbytes", must, nbytes.to_string())
  })?;
  if count == 1 && nbytes >= source::PARALLEL_BYTES {
    return large_token(call, nbytes, len, encode);
  }
  let total = count.checked_mul(len).ok_or_else(|| {
    let must = "small enough for all the tokens to fit in one string";
    Failure::Range("count", must, count.to_string())
  })?;
  // A batch takes a pool's worth of bytes at a time. Where encodings join, it encodes them in one
  // long loop instead of a short one per token.
  let per = if count > 1 {
    (source::POOL_BYTES / nbytes.max(1)).clamp(1, count)
  } else {
    1
  };
  let joined = count == 1 || joins(nbytes);
  let fill = |text: &mut [u8]| {
    with_pool(|pool| {
      text.chunks_mut((per * len).max(1)).try_for_each(|run| {
        let n = run.len() / len.max(1) * nbytes;
        pool.take(n, |bytes| {
          if joined {
            encode(bytes, run)
          } else {
            let tokens = bytes.chunks(nbytes.max(1)).zip(run.chunks_mut(len.max(1)));
            tokens.for_each(|(bytes, text)| encode(bytes, text))
          }
        })
      })
    })
  };
  // A token's few characters are made on the stack, with no allocation.
  if total <= 128 {
    return with_buffer::<u8, 128, _>(total, |text| {
      fill(text)?;
      call.latin1(text)
    });
  }
  let mut text = zeroed(total)?;
  fill(&mut text)?;
  call.external_latin1(text)
}

/// One token of several megabytes: its bytes come from `source::fill`, which spreads the work
/// over the cores.
fn large_token(call: &Call, nbytes: usize, len: usize, encode: fn(&[u8], &mut [u8])) -> Outcome {
  let mut text = zeroed(len)?;
  {
    let mut bytes = zeroed(nbytes)?;
    source::fill(&mut bytes)?;
    encode(&bytes, &mut text);
  }
  call.external_latin1(text)
}

fn fill_random(call: &mut Call) -> Outcome {
  source::fill(call.bytes_mut(0)?)?;
  call.undefined()
}

/// A Promise of a Buffer of `nbytes` random bytes, made on libuv's thread pool. A bad size
/// rejects it with the error the synchronous entries throw: a function that returns a Promise
/// reports through it. Called by `randomBytesAsync` (in `lib.rs`), which napi-rs registers so
/// that the loader it generates names it.
pub fn random_bytes_async(env: sys::napi_env, nbytes: sys::napi_value) -> sys::napi_value {
  let call = Call {
    env,
    args: [nbytes, ptr::null_mut()],
  };
  settle(env, || match call.size(0, "nbytes") {
    Ok(len) => {
      tasks::random_bytes(env, len).map_err(|_| Failure::Napi(sys::Status::napi_generic_failure))
    }
    Err(failure) => call.rejected(failure),
  })
}

fn token_hex(call: &mut Call) -> Outcome {
  tokens(call, 1, call.size(0, "nbytes")?, HEX)
}

fn token_urlsafe(call: &mut Call) -> Outcome {
  tokens(call, 1, call.size(0, "nbytes")?, BASE64URL)
}

fn token_hex_batch(call: &mut Call) -> Outcome {
  tokens(call, call.size(0, "count")?, call.size(1, "nbytes")?, HEX)
}

fn token_urlsafe_batch(call: &mut Call) -> Outcome {
  tokens(
    call,
    call.size(0, "count")?,
    call.size(1, "nbytes")?,
    BASE64URL,
  )
}

/// V8's largest bigint, in bits.
const MAX_BIGINT_BITS: usize = 1 << 30;

fn randbits(call: &mut Call) -> Outcome {
  let bits = call.size(0, "k")?;
  if bits > MAX_BIGINT_BITS {
    return Err(Failure::Range(
      "k",
      "<= 2**30, the bits of V8's largest bigint",
      bits.to_string(),
    ));
  }
  with_buffer::<u64, 16, _>(below::words_for(bits), |out| {
    with_pool(|pool| below::random_bits(pool, bits, out))?;
    call.bigint(out)
  })
}

fn randbelow_big(call: &mut Call) -> Outcome {
  with_buffer::<u64, 16, _>(call.bigint_len(0)?, |max| {
    call.bound(0, "n", max)?;
    below::decrement(max);
    with_buffer::<u64, 16, _>(below::words_for(below::bit_length(max)), |out| {
      with_pool(|pool| below::at_most(pool, max, out))?;
      call.bigint(out)
    })
  })
}

fn compare_bytes(call: &mut Call) -> Outcome {
  let equal = compare::equal(call.bytes(0)?, call.bytes(1)?);
  call.boolean(equal)
}

fn compare_strings(call: &mut Call) -> Outcome {
  // Copies of both strings, wiped after: their lengths, not their contents, set the work. A
  // short string is copied in one N-API call into a stack buffer with room to spare, so a full
  // buffer means "longer than that": then the lengths are asked for first.
  with_buffer::<u16, SHORT_STRING, _>(SHORT_STRING, |a| {
    with_buffer::<u16, SHORT_STRING, _>(SHORT_STRING, |b| {
      let (la, lb) = (call.utf16(0, a)?, call.utf16(1, b)?);
      let equal = if la.max(lb) + 1 < SHORT_STRING {
        la == lb && compare::equal(units_as_bytes(&a[..la]), units_as_bytes(&b[..lb]))
      } else {
        long_strings_equal(call)?
      };
      call.boolean(equal)
    })
  })
}

/// Code units a string may have to be compared without an allocation, plus two: one for N-API's
/// terminator and one to tell a string that fits from one that was cut short.
const SHORT_STRING: usize = 130;

fn long_strings_equal(call: &Call) -> Result<bool, Failure> {
  let len = call.utf16(0, &mut [])?;
  if call.utf16(1, &mut [])? != len {
    return Ok(false);
  }
  let mut a = zeroed(len + 1)?;
  let mut b = zeroed(len + 1)?;
  call.utf16(0, &mut a)?;
  call.utf16(1, &mut b)?;
  Ok(compare::equal(
    units_as_bytes(&a[..len]),
    units_as_bytes(&b[..len]),
  ))
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn numbers_show_as_javascript_shows_them() {
    let cases = [
      (-1.0, "-1"),
      (1.5, "1.5"),
      (f64::NAN, "NaN"),
      (f64::INFINITY, "Infinity"),
      (f64::NEG_INFINITY, "-Infinity"),
      (4294967301.0, "4294967301"),
      (9007199254740992.0, "9007199254740992"),
      (1e21, "1e+21"),
      (-1.5e300, "-1.5e+300"),
      (1e-6, "0.000001"),
      (1e-7, "1e-7"),
      (-0.0, "-0"),
    ];
    for (n, shown) in cases {
      assert_eq!(js_number(n), shown);
    }
  }

  /// Where the time of `tokenHex(32)` / `tokenUrlsafe(32)` goes, apart from N-API and V8 (which
  /// `npm run bench` measures against a bare N-API call): each piece alone, the best of 20
  /// batches, in ns. Run with `cargo test --release --lib small_path -- --ignored --nocapture`.
  /// The thread-local here is in an executable (a fixed offset from the thread pointer); in the
  /// addon, a library loaded at run time, it is reached through `__tls_get_addr`, a few ns more.
  #[test]
  #[ignore = "prints timings"]
  fn small_path_costs() {
    use std::hint::black_box;
    fn time(name: &str, mut f: impl FnMut()) {
      let best = (0..20)
        .map(|_| {
          let start = std::time::Instant::now();
          for _ in 0..100_000 {
            f();
          }
          start.elapsed().as_nanos() as f64 / 1e5
        })
        .fold(f64::INFINITY, f64::min);
      println!("{name}: {best:.1} ns");
    }
    let bytes = [0x5au8; 32];
    time("thread-local pool, borrowed", || {
      with_pool(|p| black_box(p).take(0, |_| ())).unwrap()
    });
    time(
      "32 bytes taken from the pool and wiped (refills amortised)",
      || {
        with_pool(|p| p.take(32, |b| black_box(b.as_ptr()))).unwrap();
      },
    );
    time("hex of 32 bytes", || {
      encode::hex(black_box(&bytes), black_box(&mut [0; 64]))
    });
    time("base64url of 32 bytes", || {
      encode::base64url(black_box(&bytes), black_box(&mut [0; 43]))
    });
    time("a 128-byte text buffer, zeroed and wiped", || {
      black_box(&mut WipedArray(&mut [0u8; 128])[..64]);
    });
    for (name, encoding) in [("tokenHex(32)", HEX), ("tokenUrlsafe(32)", BASE64URL)] {
      time(&format!("all of {name} but N-API"), || {
        let len = (encoding.0)(32).unwrap();
        with_buffer::<u8, 128, _>(len, |text| {
          with_pool(|pool| pool.take(32, |b| (encoding.1)(b, text)))?;
          black_box(text);
          Ok(())
        })
        .unwrap_or(())
      });
    }
  }
}
