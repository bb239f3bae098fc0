#include "zan_crypto.h"

#include <openssl/evp.h>
#include <pthread.h>

// SHA-256 is fetched from libcrypto's providers once, and each thread keeps one digest context
// (freed when the thread ends). EVP_Digest with EVP_sha256() fetched the algorithm and made a
// context on every call, under the provider store's lock, contended by both cores: the stamps a
// rebuild digests are small (at 10,000 works, 30,000 corpus documents' of 40 bytes and 30,000
// works' of about 1 KB), and one call took 546 ns for 40 bytes, 1,070 ns for 700 (157 and 603
// ns now, one thread, this machine).
static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;
static pthread_key_t context_key;

static void free_context(void *context) { EVP_MD_CTX_free(context); }

static void sha256_setup(void) {
    sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);
    if (pthread_key_create(&context_key, free_context) != 0) {
        EVP_MD_free(sha256_md);
        sha256_md = NULL;
    }
}

int zan_sha256(const uint8_t *bytes, size_t count, uint8_t digest[32]) {
    static const uint8_t empty[1] = {0};
    const void *data = bytes ? (const void *)bytes : (const void *)empty;
    unsigned int length = 0;
    pthread_once(&sha256_once, sha256_setup);
    EVP_MD_CTX *context = sha256_md ? pthread_getspecific(context_key) : NULL;
    if (sha256_md && !context && (context = EVP_MD_CTX_new()) && pthread_setspecific(context_key, context) != 0) {
        EVP_MD_CTX_free(context);
        context = NULL;
    }
    if (!context) {
        // Without a fetched algorithm or a context of its own: the one-shot API.
        return EVP_Digest(data, count, digest, &length, EVP_sha256(), NULL) == 1 && length == 32;
    }
    return EVP_DigestInit_ex2(context, sha256_md, NULL) == 1 && EVP_DigestUpdate(context, data, count) == 1
        && EVP_DigestFinal_ex(context, digest, &length) == 1 && length == 32;
}
