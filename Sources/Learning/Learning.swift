// Learning: the machine learning that issue 5 brings into the loop. So far:
//
// - Data/: the IDX format (MNIST, EMNIST, Fashion-MNIST), gzip'd or plain through zlib, with
//   every malformed header or stream refused by a typed `IDXError`; `LabelledImages`; the seeded
//   non-iid `DirichletSplit` of a private pool among workers with a disjoint public set X_pub.
// - BLAS/: `Matrix` and `gemm` over OpenBLAS's `cblas_sgemm`, and `BLASCoreType`, which picks
//   OpenBLAS's kernel from the processor's actual features (never by hand).
//
// Models, training, distillation and `simulate` are still to come.
