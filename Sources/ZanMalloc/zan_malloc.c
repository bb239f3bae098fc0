#include "zan_malloc.h"

// A build frees each work's documents and versions once the work is rendered, amid the next
// works' allocations. glibc's heap fragmented under that: a 10,000-work build took 344 s
// where holding everything to the end took 250 s. jemalloc's size classes do not fragment so
// (227 s, 4.5 GB at peak instead of 6.9 GB).
//
// Freed pages are kept for reuse, not returned to the system (`dirty_decay_ms`: an hour, where
// jemalloc returns by default what stayed free for 10 s): the build, which works for minutes,
// took the same pages back zeroed by the kernel (its zeroing was 3.8 % of a 10,000-work
// build's samples, 1.3 % with the pages kept, as at 1,000 works). An allocation of 1 MB or
// more (`oversize_threshold`; 8 MB by default) comes from jemalloc's arena for large ones,
// which returns it at once, as glibc unmaps its own large blocks: kept, the arrays a parse
// outgrew counted in its peak (a parse of 30 MB peaked at 3.66 × the input with every page
// kept, 3.11 × with only those under 8 MB, 2.96 × with those under 1 MB; glibc 2.94 ×).
#define ZAN_MALLOC_SETTINGS "dirty_decay_ms:3600000,muzzy_decay_ms:0,oversize_threshold:1048576"

const char *const zan_malloc_settings = ZAN_MALLOC_SETTINGS;

#if defined(__linux__)
// jemalloc reads its compile-time settings from this symbol (the system's libjemalloc has no
// prefix on its names).
const char *malloc_conf = ZAN_MALLOC_SETTINGS;
#endif
