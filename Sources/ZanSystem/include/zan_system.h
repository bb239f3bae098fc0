// C shim over system calls Swift's Glibc module does not import (they are declared only under
// _GNU_SOURCE). Only stdint types cross.
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

#ifdef __cplusplus
}
#endif

#endif
