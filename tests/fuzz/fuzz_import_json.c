/*
 * fuzz_import_json.c: the json importer (see fuzz_import.h).
 */
#include "fuzz_import.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(IMPORT_JSON, "fuzz.json", data, size);
}
