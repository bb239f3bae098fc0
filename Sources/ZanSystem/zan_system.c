/*
 * zan_system.c — system calls Swift cannot see through Glibc.
 */
#define _GNU_SOURCE
#include "zan_system.h"

#include <errno.h>
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
