#ifndef ZAN_FUZZ_DRIVER_H
#define ZAN_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that have their own main (SwiftPM names an executable's
/// entry point `<Module>_main`, so libFuzzer's main cannot be used as is).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
