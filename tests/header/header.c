/* header.c - claims.h compiles alone, first, with every warning on. */
#include <claims.h>

int claims_header_test_anchor(void);
int claims_header_test_anchor(void) { return CLAIMS_VERSION_CHECK(0, 1, 0) ? CLAIMS_OK : CLAIMS_ERROR; }
