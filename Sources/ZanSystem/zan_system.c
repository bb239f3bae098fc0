/*
 * zan_system.c — system and C-library calls Swift cannot see through Glibc.
 */
#define _GNU_SOURCE
#include "zan_system.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

int32_t zan_sync_file_system(int32_t fd) {
#ifdef __linux__
    return syncfs(fd);
#else
    (void)fd;
    errno = ENOSYS;
    return -1;
#endif
}

int64_t zan_find_bytes(const uint8_t *haystack, int64_t count, const uint8_t *needle, int64_t needle_count) {
    if (needle_count <= 0) return 0;
    if (haystack == NULL || needle == NULL || count < needle_count) return -1;
    const uint8_t *found = memmem(haystack, (size_t)count, needle, (size_t)needle_count);
    return found == NULL ? -1 : (int64_t)(found - haystack);
}
