// The Z3 SMT solver's C API (Debian: libz3-dev), exposed to Swift as the module CZ3.
#include <z3.h>
