/* aliases.c - placeholder until alias tables land. */
#include "claims_private.h"
#include <stdlib.h>
struct claims_aliases { int unused; };
int claims__aliases_new(struct claims_aliases **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? CLAIMS_OK : CLAIMS_ENOMEM;
}
void claims__aliases_free(struct claims_aliases *a) { free(a); }
