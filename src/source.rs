//! Where random bytes come from: a per-thread generator keyed from the OS CSPRNG (see
//! `keystream`), rekeyed from it every 64 KiB, and a small pool of its output for small requests.

use std::cell::RefCell;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::error::Error;
use crate::keystream::{Keystream, SEED_BYTES};
use crate::secret::{wipe, zeroed, Wiped};

/// Anything that can fill a slice with random bytes. The generators in `below` take this trait so
/// that `cargo test` can drive them with scripted bytes.
pub trait Source {
  fn fill(&mut self, dest: &mut [u8]) -> Result<(), Error>;
}

/// The key is replaced with fresh OS randomness after this much output, as API.md promises, so a
/// leaked generator state exposes at most 64 KiB of future output (and, as the key is erased
/// after every request, none of the past).
const RESEED_BYTES: usize = 64 * 1024;

/// A thread's generator and its output since it was last keyed from the OS.
struct Generator {
  keystream: Option<Keystream>,
  since_reseed: usize,
  /// Where keys come from: the OS, or in tests a script, so they can tell each key apart.
  seed: fn(&mut [u8]) -> Result<(), getrandom::Error>,
}

impl Generator {
  /// Writes keystream to `out`, keying the generator from the OS first, then again every
  /// `RESEED_BYTES`, so no request spans two keys' worth of the limit.
  fn generate(&mut self, mut out: &mut [u8]) -> Result<(), Error> {
    while !out.is_empty() {
      if self.keystream.is_none() || self.since_reseed >= RESEED_BYTES {
        let mut seed = [0u8; SEED_BYTES];
        let mut seed = Wiped(&mut seed);
        (self.seed)(&mut seed[..]).map_err(Error::Os)?;
        // Made once, then rekeyed in place: see `keystream`.
        self
          .keystream
          .get_or_insert_with(Keystream::unkeyed)
          .reseed(&seed);
        self.since_reseed = 0;
      }
      let n = out.len().min(RESEED_BYTES - self.since_reseed);
      let (now, later) = out.split_at_mut(n);
      if let Some(keystream) = self.keystream.as_mut() {
        keystream.generate(now);
      }
      self.since_reseed += n;
      out = later;
    }
    Ok(())
  }
}

/// The refill unit of the pool. The key erasure after each refill costs about as much as 1 KiB
/// of AES-CTR keystream (the AES-256 key schedule, some 60 ns on the benchmark machine), so a
/// refill is 4 KiB, shared by 128 tokens of 32 bytes.
pub const POOL_BYTES: usize = 4096;

/// A pool of keystream for small requests. Every byte is handed out once and zeroed as it leaves,
/// and what is left is wiped when the thread ends.
pub struct Pool {
  generator: Generator,
  bytes: [u8; POOL_BYTES],
  pos: usize,
}

impl Pool {
  pub const fn new() -> Self {
    Pool::seeded_by(getrandom::fill)
  }

  const fn seeded_by(seed: fn(&mut [u8]) -> Result<(), getrandom::Error>) -> Self {
    Pool {
      generator: Generator {
        keystream: None,
        since_reseed: 0,
        seed,
      },
      bytes: [0; POOL_BYTES],
      pos: POOL_BYTES,
    }
  }

  fn refill(&mut self) -> Result<(), Error> {
    // A refill that reaches the 64 KiB limit midway has written keystream before the OS fails
    // to give the next key: wiped, as the pool stays empty.
    if let Err(e) = self.generator.generate(&mut self.bytes) {
      wipe(&mut self.bytes);
      return Err(e);
    }
    self.pos = 0;
    Ok(())
  }

  /// Runs `f` on the next `n` random bytes, then wipes them. When they sit in the pool, `f`
  /// reads them in place, saving a copy and a wipe on the path of every small token.
  pub fn take<R>(&mut self, n: usize, f: impl FnOnce(&[u8]) -> R) -> Result<R, Error> {
    if n <= POOL_BYTES - self.pos {
      let pos = self.pos;
      self.pos = pos + n;
      let bytes = Wiped(&mut self.bytes[pos..pos + n]);
      return Ok(f(&bytes));
    }
    self.take_across(n, f)
  }

  /// `take` for bytes that are not all in the pool: copied out, across a refill or from keystream
  /// of their own. Out of line, so that the 4 KiB stack buffer is no part of the small path's
  /// frame (a frame past a page is probed, page by page, on every call).
  #[cold]
  #[inline(never)]
  fn take_across<R>(&mut self, n: usize, f: impl FnOnce(&[u8]) -> R) -> Result<R, Error> {
    if n <= POOL_BYTES {
      let mut stack = [0u8; POOL_BYTES];
      let mut bytes = Wiped(&mut stack[..n]);
      self.fill(&mut bytes)?;
      return Ok(f(&bytes));
    }
    let mut heap = zeroed(n)?;
    self.fill(&mut heap)?;
    Ok(f(&heap))
  }
}

impl Source for Pool {
  fn fill(&mut self, mut dest: &mut [u8]) -> Result<(), Error> {
    // Large requests get keystream of their own, written in place, leaving the pool as it is.
    if dest.len() >= POOL_BYTES {
      return self.generator.generate(dest);
    }
    while !dest.is_empty() {
      if self.pos == POOL_BYTES {
        self.refill()?;
      }
      let pos = self.pos;
      let n = dest.len().min(POOL_BYTES - pos);
      let (head, tail) = dest.split_at_mut(n);
      let taken = Wiped(&mut self.bytes[pos..pos + n]);
      head.copy_from_slice(&taken);
      self.pos = pos + n;
      dest = tail;
    }
    Ok(())
  }
}

impl Drop for Pool {
  fn drop(&mut self) {
    wipe(&mut self.bytes);
  }
}

thread_local! {
  // Per thread: Node's worker threads and libuv's pool never share or copy generator state.
  static POOL: RefCell<Pool> = const { RefCell::new(Pool::new()) };
}

/// Runs `f` with this thread's pool.
pub fn with_pool<T>(f: impl FnOnce(&mut Pool) -> T) -> T {
  POOL.with_borrow_mut(f)
}

/// Below this size a fill runs on the calling thread. Measured on the benchmark machine: at
/// 1 MiB, two threads took longer than one (145 us against 117) for 1.7 times the CPU, as a new
/// thread starts cold (its generator keyed from the OS, its vector units idle); at 4 MiB they
/// took a fifth less time for 1.3 times the CPU (still less CPU than node:crypto's single
/// thread); at 64 MiB, half the time for the same CPU.
pub const PARALLEL_BYTES: usize = 4 << 20;

/// Fills `dest` from the generators of up to `available_parallelism` threads, each keyed on its
/// own from the OS: a large fill's cost is keystream, which splits without coordination.
pub fn fill(dest: &mut [u8]) -> Result<(), Error> {
  if dest.len() < PARALLEL_BYTES {
    return with_pool(|pool| pool.fill(dest));
  }
  static CORES: OnceLock<usize> = OnceLock::new();
  let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
  let threads = cores.min(dest.len() / (PARALLEL_BYTES / 2)).max(1);
  let chunk = dest.len().div_ceil(threads);
  // Each part waits in a slot for whichever thread takes it first: a spawned one, or this one,
  // which fills the first part and then any part whose thread the OS refused or has not started.
  let slots: Vec<Mutex<Option<&mut [u8]>>> = dest
    .chunks_mut(chunk)
    .map(|part| Mutex::new(Some(part)))
    .collect();
  std::thread::scope(|scope| {
    let others: Vec<_> = slots[1..]
      .iter()
      .filter_map(|slot| {
        std::thread::Builder::new()
          .spawn_scoped(scope, move || fill_slot(slot))
          .ok()
      })
      .collect();
    let mine = slots.iter().map(fill_slot).fold(Ok(()), Result::and);
    others
      .into_iter()
      .map(|h| {
        h.join()
          .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
      })
      .fold(mine, Result::and)
  })
}

fn fill_slot(slot: &Mutex<Option<&mut [u8]>>) -> Result<(), Error> {
  let part = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
  part.map_or(Ok(()), |part| with_pool(|pool| pool.fill(part)))
}

#[cfg(test)]
pub mod scripted {
  use super::Source;
  use crate::error::Error;

  /// Hands out a fixed script of bytes, then panics: tests state exactly what a generator reads.
  pub struct Scripted {
    bytes: Vec<u8>,
    pos: usize,
  }

  impl Scripted {
    pub fn new(bytes: &[u8]) -> Self {
      Scripted {
        bytes: bytes.to_vec(),
        pos: 0,
      }
    }

    pub fn used(&self) -> usize {
      self.pos
    }
  }

  impl Source for Scripted {
    fn fill(&mut self, dest: &mut [u8]) -> Result<(), Error> {
      let end = self.pos + dest.len();
      assert!(end <= self.bytes.len(), "script exhausted");
      dest.copy_from_slice(&self.bytes[self.pos..end]);
      self.pos = end;
      Ok(())
    }
  }
}

#[cfg(test)]
mod tests {
  use std::cell::Cell;

  use super::*;

  thread_local! {
    static SEEDS: Cell<u8> = const { Cell::new(0) };
  }

  /// Seed number `k` (from 1 on this thread) is `k` in every byte.
  fn counting(seed: &mut [u8]) -> Result<(), getrandom::Error> {
    let k = SEEDS.get() + 1;
    SEEDS.set(k);
    seed.fill(k);
    Ok(())
  }

  /// The keystream of seed number `seed` for requests of these sizes, one after another.
  fn requests(seed: u8, sizes: &[usize]) -> Vec<Vec<u8>> {
    let mut g = Keystream::keyed(&[seed; SEED_BYTES]);
    sizes
      .iter()
      .map(|&n| {
        let mut out = vec![0u8; n];
        g.generate(&mut out);
        out
      })
      .collect()
  }

  fn keystream_of(seed: u8, n: usize) -> Vec<u8> {
    requests(seed, &[n]).remove(0)
  }

  #[test]
  fn pool_wipes_what_it_hands_out() {
    let mut pool = Pool::new();
    let mut a = [0u8; 100];
    pool.fill(&mut a).unwrap();
    assert_eq!(pool.pos, 100);
    assert!(pool.bytes[..100].iter().all(|&b| b == 0));
    assert!(pool.bytes[100..].iter().any(|&b| b != 0));
    pool.take(10, |_| ()).unwrap();
    assert!(pool.bytes[..110].iter().all(|&b| b == 0));
  }

  #[test]
  fn take_reads_in_place_or_copies_across_refills() {
    let mut pool = Pool::seeded_by(counting);
    let mut first = Vec::new();
    pool.take(10, |b| first = b.to_vec()).unwrap();
    let stream = requests(SEEDS.get(), &[POOL_BYTES, POOL_BYTES]);
    assert_eq!(first, stream[0][..10]);
    // More than the pool has left: the rest of it, then the start of the next refill.
    let mut second = Vec::new();
    pool.take(POOL_BYTES - 1, |b| second = b.to_vec()).unwrap();
    assert_eq!(second[..POOL_BYTES - 10], stream[0][10..]);
    assert_eq!(second[POOL_BYTES - 10..], stream[1][..9]);
    assert_eq!(pool.pos, 9);
    assert!(pool.bytes[..9].iter().all(|&b| b == 0));
    // Larger than the pool: keystream of its own, the pool untouched.
    let mut third = Vec::new();
    pool.take(3 * POOL_BYTES, |b| third = b.to_vec()).unwrap();
    assert_eq!(third.len(), 3 * POOL_BYTES);
    assert_eq!(pool.pos, 9);
  }

  #[test]
  fn pool_never_repeats_across_refills() {
    let mut pool = Pool::new();
    let mut a = vec![0u8; 3 * POOL_BYTES + 17];
    pool.fill(&mut a[..POOL_BYTES - 1]).unwrap();
    pool.fill(&mut a[POOL_BYTES - 1..]).unwrap();
    let chunks: Vec<&[u8]> = a.chunks(16).collect();
    for (i, x) in chunks.iter().enumerate() {
      assert!(chunks[i + 1..].iter().all(|y| y != x), "block {i}");
    }
  }

  /// Seeds as `counting` does, and fails from the second on.
  fn failing_after_one(seed: &mut [u8]) -> Result<(), getrandom::Error> {
    if SEEDS.get() > 0 {
      return Err(getrandom::Error::UNSUPPORTED);
    }
    counting(seed)
  }

  #[test]
  fn a_refill_that_fails_midway_leaves_nothing_in_the_pool() {
    SEEDS.set(0);
    let mut pool = Pool::seeded_by(failing_after_one);
    // Large requests bypass the pool: this leaves 100 bytes before the limit.
    pool.fill(&mut vec![0u8; RESEED_BYTES - 100]).unwrap();
    assert!(pool.fill(&mut [0u8; 1]).is_err());
    assert_eq!(pool.pos, POOL_BYTES);
    assert!(pool.bytes.iter().all(|&b| b == 0));
  }

  #[test]
  fn the_generator_state_stays_where_it_was_made() {
    let mut pool = Pool::seeded_by(counting);
    pool.fill(&mut [0u8; 1]).unwrap();
    let first = SEEDS.get();
    let at = |pool: &Pool| {
      pool
        .generator
        .keystream
        .as_ref()
        .map(Keystream::state_address)
    };
    let made = at(&pool);
    assert!(made.is_some());
    // Keys erased after each request, and replaced from the OS every 64 KiB: all in place.
    for n in [1, POOL_BYTES, 3 * RESEED_BYTES] {
      pool.fill(&mut vec![0u8; n]).unwrap();
      assert_eq!(at(&pool), made);
    }
    assert!(SEEDS.get() >= first + 3);
  }

  #[test]
  fn pool_rekeys_from_the_os_every_64_kib() {
    let mut pool = Pool::seeded_by(counting);
    let mut a = vec![0u8; RESEED_BYTES];
    pool.fill(&mut a).unwrap();
    let first = SEEDS.get();
    assert_eq!(a, keystream_of(first, RESEED_BYTES));
    // The next byte comes from a refill under the next key from the OS.
    let mut b = [0u8; 1];
    pool.fill(&mut b).unwrap();
    assert_eq!(SEEDS.get(), first + 1);
    assert_eq!(b[..], keystream_of(first + 1, 1)[..]);
    // A request crossing the limit switches keys at the limit: 64 KiB - 1024 bytes are left.
    let mut c = vec![0u8; RESEED_BYTES];
    pool.fill(&mut c).unwrap();
    assert_eq!(SEEDS.get(), first + 2);
    let left = RESEED_BYTES - POOL_BYTES;
    assert_eq!(c[left..], keystream_of(first + 2, POOL_BYTES)[..]);
  }
}
