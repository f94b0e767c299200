#ifndef TOKENPLANT_CFUZZDRIVER_SHIM_H
#define TOKENPLANT_CFUZZDRIVER_SHIM_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 12 and later): parses libFuzzer's flags from argc/argv and fuzzes
/// `callback`. Defined only in a binary linked with `-sanitize=fuzzer`; declared here, without a library to
/// link, so that `TokenPlantFuzz` can call it from its own `main` (README "Fuzzing").
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
