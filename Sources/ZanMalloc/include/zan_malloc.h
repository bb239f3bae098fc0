// The executables' allocator (zan, zan-bench): jemalloc on Linux, with the settings below.
// Nothing to call: linking this target is what makes jemalloc the process's malloc.
#ifndef ZAN_MALLOC_H
#define ZAN_MALLOC_H

/// The jemalloc settings the executables run with (the `MALLOC_CONF` variable adds to them).
extern const char *const zan_malloc_settings;

#endif
