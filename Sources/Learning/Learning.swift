// Learning: data, models and training for `simulate`.
//
// - Data/: the IDX format (MNIST, EMNIST, Fashion-MNIST), gzip'd or plain through zlib, with
//   every malformed header or stream refused by a typed `IDXError`; `LabelledImages`; the seeded
//   non-iid `DirichletSplit` of a private pool among workers with a disjoint public set X_pub.
// - BLAS/: `Matrix` and `gemm` over OpenBLAS's `cblas_sgemm`; `BLASCoreType`, which picks
//   OpenBLAS's kernel from the processor's actual features (never by hand); `Parallel`, which
//   splits a batch into one contiguous shard per thread.
// - Model/: layers over `gemm` (Dense, Conv2D via im2col, MaxPool2D, ReLU, Flatten), the
//   `Sequential` network (run shard by shard: each shard goes forward and backward on its own
//   thread and the parameter gradients are added in shard order), softmax regression / MLP /
//   LeNet-5, softmax cross-entropy and the KL divergence for distillation, Adam, and a seeded
//   `Trainer` whose results are bit-identical for a seed and thread count.
