#ifndef ZKROLLUP_CGMP_SHIM_H
#define ZKROLLUP_CGMP_SHIM_H
#include <gmp.h>
#endif
