/* jaro.c - placeholder. */
#include "claims_private.h"
double claims_jaro(const char *a, size_t alen, const char *b, size_t blen)
{ (void)a; (void)alen; (void)b; (void)blen; return -1.0; }
double claims_jaro_winkler(const char *a, size_t alen, const char *b, size_t blen)
{ (void)a; (void)alen; (void)b; (void)blen; return -1.0; }
