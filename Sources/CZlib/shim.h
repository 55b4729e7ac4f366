// zlib (Debian: zlib1g-dev), exposed to Swift as the module CZlib, for gzip'd IDX files.
#include <zlib.h>
