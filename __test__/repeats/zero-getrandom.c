/* A broken OS random source for the test of the never-repeats test: getrandom() that returns
 * zeros. Preloaded (LD_PRELOAD), it keys every generator of napi-secrets alike, which the test
 * must catch. */
#include <string.h>
#include <sys/types.h>

ssize_t getrandom(void *buf, size_t len, unsigned int flags) {
  (void)flags;
  memset(buf, 0, len);
  return (ssize_t)len;
}
