// C shim over system and C-library calls Swift's Glibc module does not import (they are declared
// only under _GNU_SOURCE). Only stdint types cross.
#ifndef ZAN_SYSTEM_H
#define ZAN_SYSTEM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Flushes every file of the file system that holds the open file `fd` to disk and waits for it
/// (Linux `syncfs(2)`; since Linux 5.8 it reports write-back errors seen since `fd` was opened).
/// Returns 0, or -1 with `errno` set; `ENOSYS` where the system has no such call.
int32_t zan_sync_file_system(int32_t fd);

/// The offset of the first occurrence of `needle` (`needle_count` bytes) in `haystack` (`count`
/// bytes), or -1 (`memmem`, which reads any byte, NUL included). An empty needle is at 0.
int64_t zan_find_bytes(const uint8_t *haystack, int64_t count, const uint8_t *needle, int64_t needle_count);

#ifdef __cplusplus
}
#endif

#endif
