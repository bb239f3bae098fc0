#include "zan_malloc.h"

// A build frees each work's documents and versions once the work is rendered, amid the next
// works' allocations. glibc's heap fragmented under that: a 10,000-work build took 344 s
// where holding everything to the end took 250 s. jemalloc's size classes do not fragment so
// (227 s, 4.5 GB at peak instead of 6.9 GB).
//
// Freed pages are kept for reuse, not returned to the system: by default jemalloc returns what
// stayed free for 10 s, and the build, which works for minutes, took the same pages back
// zeroed by the kernel (its zeroing was 3.8 % of a 10,000-work build's samples, 1.3 % with
// these settings, as at 1,000 works). A `zan` process lives for one command; its peak is the
// same either way.
#define ZAN_MALLOC_SETTINGS "dirty_decay_ms:-1,muzzy_decay_ms:-1"

const char *const zan_malloc_settings = ZAN_MALLOC_SETTINGS;

#if defined(__linux__)
// jemalloc reads its compile-time settings from this symbol (the system's libjemalloc has no
// prefix on its names).
const char *malloc_conf = ZAN_MALLOC_SETTINGS;
#endif
