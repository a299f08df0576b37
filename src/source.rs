//! Where random bytes come from: a per-thread ChaCha20 pool keyed from the OS CSPRNG.

use std::cell::RefCell;
use std::sync::{Mutex, OnceLock, PoisonError};

use chacha20::{variants::Legacy, ChaChaCore, R20};
use rand::rand_core::block::Generator;
use rand::SeedableRng;

pub type Error = getrandom::Error;

/// Anything that can fill a slice with random bytes. The generators in `below` take this trait so
/// that `cargo test` can drive them with scripted bytes.
pub trait Source {
  fn fill(&mut self, dest: &mut [u8]) -> Result<(), Error>;
}

type Core = ChaChaCore<R20, Legacy>;
type Block = <Core as Generator>::Output;

/// One call of the ChaCha core yields four 64-byte blocks, computed side by side with SIMD: the
/// natural refill unit, and small enough that a token never waits on a large refill.
const BLOCK_BYTES: usize = std::mem::size_of::<Block>();

/// The key is replaced with fresh OS randomness after this much output, as API.md promises, so a
/// leaked generator state exposes at most 64 KiB of past or future output.
const RESEED_BYTES: usize = 64 * 1024;

/// A ChaCha20 keystream pool. Every byte is handed out once and zeroed as it leaves; the keystream
/// lives only in `block`, which the pool owns (rand's `BlockRng` would keep copies it never
/// wipes), and is wiped when the thread ends.
pub struct Pool {
  core: Option<Core>,
  block: Block,
  pos: usize,
  since_reseed: usize,
}

impl Pool {
  const fn new() -> Self {
    Pool {
      core: None,
      block: [0; BLOCK_BYTES / 4],
      pos: BLOCK_BYTES,
      since_reseed: 0,
    }
  }

  fn refill(&mut self) -> Result<(), Error> {
    if self.core.is_none() || self.since_reseed >= RESEED_BYTES {
      let mut seed = [0u8; 32];
      getrandom::fill(&mut seed)?;
      self.core = Some(Core::from_seed(seed));
      wipe(&mut seed);
      self.since_reseed = 0;
    }
    if let Some(core) = self.core.as_mut() {
      core.generate(&mut self.block);
    }
    self.since_reseed += BLOCK_BYTES;
    self.pos = 0;
    Ok(())
  }

  fn block_bytes(&mut self) -> &mut [u8; BLOCK_BYTES] {
    // SAFETY: `[u32; N]` and `[u8; 4 * N]` have the same size, every bit pattern is a valid `u8`,
    // and the result borrows `self.block` mutably, so no other view of it exists meanwhile.
    unsafe { &mut *(self.block.as_mut_ptr() as *mut [u8; BLOCK_BYTES]) }
  }
}

impl Pool {
  /// Runs `f` on the next `n` random bytes, then wipes them. When they sit in the current block,
  /// `f` reads them in place, saving a copy and a wipe on the path of every small token.
  pub fn take<R>(&mut self, n: usize, f: impl FnOnce(&[u8]) -> R) -> Result<R, Error> {
    if n > BLOCK_BYTES - self.pos {
      let mut stack = [0u8; BLOCK_BYTES];
      let mut heap = Vec::new();
      let bytes = if n <= BLOCK_BYTES {
        &mut stack[..n]
      } else {
        heap.resize(n, 0);
        &mut heap[..]
      };
      self.fill(bytes)?;
      let result = f(bytes);
      wipe(bytes);
      return Ok(result);
    }
    let pos = self.pos;
    let bytes = &mut self.block_bytes()[pos..pos + n];
    let result = f(bytes);
    wipe(bytes);
    self.pos = pos + n;
    Ok(result)
  }
}

impl Source for Pool {
  fn fill(&mut self, mut dest: &mut [u8]) -> Result<(), Error> {
    while !dest.is_empty() {
      if self.pos == BLOCK_BYTES {
        self.refill()?;
      }
      let pos = self.pos;
      let n = dest.len().min(BLOCK_BYTES - pos);
      let (head, tail) = dest.split_at_mut(n);
      let taken = &mut self.block_bytes()[pos..pos + n];
      head.copy_from_slice(taken);
      wipe(taken);
      self.pos = pos + n;
      dest = tail;
    }
    Ok(())
  }
}

impl Drop for Pool {
  fn drop(&mut self) {
    wipe(self.block_bytes());
  }
}

/// Zeroes `xs` with volatile writes, which the optimiser may not drop as dead stores
/// (`black_box` promises no such thing).
pub fn wipe<T: zeroize::DefaultIsZeroes>(xs: &mut [T]) {
  zeroize::Zeroize::zeroize(xs);
}

thread_local! {
  // Per thread: Node's worker threads and libuv's pool never share or copy generator state.
  static POOL: RefCell<Pool> = const { RefCell::new(Pool::new()) };
}

/// Runs `f` with this thread's pool.
pub fn with_pool<T>(f: impl FnOnce(&mut Pool) -> T) -> T {
  POOL.with_borrow_mut(f)
}

/// Below this size a fill runs on the calling thread. Starting and joining a thread costs about
/// 60 us on the benchmark machine, what one core needs for 128 KiB of keystream, so each thread gets at least twice
/// that.
pub const PARALLEL_BYTES: usize = 512 << 10;

/// Fills `dest` from the pools of up to `available_parallelism` threads: ChaCha keystream is the
/// cost of large fills, and each thread keys its own pool from the OS.
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
  use super::{Error, Source};

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
  use super::*;

  #[test]
  fn pool_wipes_what_it_hands_out() {
    let mut pool = Pool::new();
    let mut a = [0u8; 100];
    pool.fill(&mut a).unwrap();
    assert_eq!(pool.pos, 100);
    assert!(pool.block_bytes()[..100].iter().all(|&b| b == 0));
    assert!(pool.block_bytes()[100..].iter().any(|&b| b != 0));
  }

  #[test]
  fn take_reads_in_place_or_copies_across_blocks() {
    let mut pool = Pool::new();
    let mut first = Vec::new();
    pool.take(10, |b| first = b.to_vec()).unwrap();
    assert_eq!(pool.pos, 10);
    assert!(pool.block_bytes()[..10].iter().all(|&b| b == 0));
    // More than the block has left: copied out of two blocks, each byte once.
    let mut second = Vec::new();
    pool.take(BLOCK_BYTES, |b| second = b.to_vec()).unwrap();
    assert_eq!(second.len(), BLOCK_BYTES);
    assert_eq!(pool.pos, 10);
    assert!(pool.block_bytes()[..10].iter().all(|&b| b == 0));
    assert_ne!(&second[..10], &first[..]);
  }

  #[test]
  fn pool_never_repeats_across_refills() {
    let mut pool = Pool::new();
    let mut a = vec![0u8; 3 * BLOCK_BYTES + 17];
    pool.fill(&mut a).unwrap();
    let chunks: Vec<&[u8]> = a.chunks(32).collect();
    for (i, x) in chunks.iter().enumerate() {
      for y in &chunks[i + 1..] {
        assert_ne!(x, y);
      }
    }
  }

  #[test]
  fn pool_reseeds_every_64_kib() {
    let mut pool = Pool::new();
    let mut sink = vec![0u8; RESEED_BYTES];
    pool.fill(&mut sink).unwrap();
    assert_eq!(pool.since_reseed, RESEED_BYTES);
    pool.fill(&mut [0u8; 1]).unwrap();
    // The counter restarting at one block means the key was replaced before that refill.
    assert_eq!(pool.since_reseed, BLOCK_BYTES);
  }
}
