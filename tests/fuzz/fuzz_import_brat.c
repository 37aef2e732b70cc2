/*
 * fuzz_import_brat.c: the brat importer (see fuzz_import.h).
 */
#include "fuzz_import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(IMPORT_BRAT, "fuzz.brat", data, size);
}
