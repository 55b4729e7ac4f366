// Learning: the machine learning that issue 5 brings into the loop. So far:
//
// - Data/: the IDX format (MNIST, EMNIST, Fashion-MNIST), gzip'd or plain through zlib, with
//   every malformed header or stream refused by a typed `IDXError`; `LabelledImages`; the seeded
//   non-iid `DirichletSplit` of a private pool among workers with a disjoint public set X_pub.
// - BLAS/: `Matrix` and `gemm` over OpenBLAS's `cblas_sgemm`, and `BLASCoreType`, which picks
//   OpenBLAS's kernel from the processor's actual features (never by hand).
// - Model/: layers over `gemm` (Dense, Conv2D via im2col, MaxPool2D, ReLU, Flatten), the
//   `Sequential` network, softmax regression / MLP / LeNet-5, softmax cross-entropy and the KL
//   divergence for distillation, Adam, and a seeded, deterministic `Trainer`.
//
// The end-to-end round, the prediction bank and `simulate` are still to come.
