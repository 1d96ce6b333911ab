/* fold.c - placeholder. */
#include "claims_private.h"
typedef int claims__fold_placeholder;
