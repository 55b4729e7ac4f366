// Solver: a small Swift API over the Z3 C API (placeholder).
