/* version.c - runtime version, for bindings' feature checks. */
#include "util/util.h"

#include <stdlib.h>

unsigned int claims_version_number(void) { return CLAIMS_VERSION_NUMBER; }

const char *claims_version_string(void) { return CLAIMS_VERSION_STRING; }

/* Every buffer handed to the caller is allocated with malloc here, so one
 * matching free keeps allocators from mixing across library boundaries. */
void claims_free(void *ptr) { free(ptr); }
