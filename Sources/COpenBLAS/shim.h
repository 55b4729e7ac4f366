// OpenBLAS's CBLAS interface (Debian: libopenblas-dev), exposed to Swift as COpenBLAS.
#include <cblas.h>
