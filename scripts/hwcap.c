// Preloaded into arm64 processes by test-arm64.sh: getauxval(AT_HWCAP) as the kernel (here qemu)
// answers it, less the AES bit where NAPI_SECRETS_HWCAP_NO_AES is set, as on a CPU without the
// ARMv8 crypto extension (Raspberry Pi 4, some cloud CPUs). RustCrypto's `aes` decides from this
// call alone, and so the addon's choice of generator. Each call from a napi-secrets binary (the
// addon, or cargo's test binary) is logged to NAPI_SECRETS_HWCAP_LOG, to show which one ran.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#define HWCAP_AES_BIT (1UL << 3)

unsigned long getauxval(unsigned long type) {
  static unsigned long (*real)(unsigned long);
  if (real == NULL) real = (unsigned long (*)(unsigned long))dlsym(RTLD_NEXT, "getauxval");
  unsigned long value = real(type);
  if (type != AT_HWCAP) return value;
  if (getenv("NAPI_SECRETS_HWCAP_NO_AES") != NULL) value &= ~HWCAP_AES_BIT;
  Dl_info caller;
  const char *log = getenv("NAPI_SECRETS_HWCAP_LOG");
  if (log != NULL && dladdr(__builtin_return_address(0), &caller) && caller.dli_fname != NULL) {
    const char *slash = strrchr(caller.dli_fname, '/');
    const char *name = slash == NULL ? caller.dli_fname : slash + 1;
    if (strncmp(name, "napi-secrets.", 13) != 0 && strncmp(name, "napi_secrets-", 13) != 0) return value;
    FILE *f = fopen(log, "a");
    if (f != NULL) {
      fprintf(f, "%s aes=%d\n", name, (value & HWCAP_AES_BIT) != 0);
      fclose(f);
    }
  }
  return value;
}
