#ifndef TOKENPLANT_CGLPK_SHIM_H
#define TOKENPLANT_CGLPK_SHIM_H
#include <glpk.h>
#endif
