#include "zan_crypto.h"

#include <openssl/evp.h>

int zan_sha256(const uint8_t *bytes, size_t count, uint8_t digest[32]) {
    static const uint8_t empty[1] = {0};
    unsigned int length = 0;
    // EVP_Digest is the one-shot API of OpenSSL 3 (the SHA256_* functions are deprecated).
    if (EVP_Digest(bytes ? (const void *)bytes : (const void *)empty, count, digest, &length, EVP_sha256(), NULL) != 1) {
        return 0;
    }
    return length == 32;
}
