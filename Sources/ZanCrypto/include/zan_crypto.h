// C shim over the system's libcrypto (OpenSSL), for content hashes. As with ZanICU, the public
// header exposes only stdint types: OpenSSL's headers never reach Swift.
#ifndef ZAN_CRYPTO_H
#define ZAN_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// SHA-256 (FIPS 180-4) of `count` bytes at `bytes` (may be null when `count` is 0) into the 32
/// bytes at `digest`. libcrypto picks the fastest code the processor runs (SHA extensions,
/// AVX2). Returns 1 on success, 0 when libcrypto failed (the digest is then unspecified).
int zan_sha256(const uint8_t *bytes, size_t count, uint8_t digest[32]);

#ifdef __cplusplus
}
#endif

#endif
