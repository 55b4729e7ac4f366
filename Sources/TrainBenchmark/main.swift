// LeNet-5 training benchmark: seconds per epoch over the 60,000 Fashion-MNIST training images
// (batch 64, Adam lr 0.001, fixed seed), seconds per 1,000 images, and test accuracy after
// each epoch. Run it through `scripts/bench train` (release).
//
// Usage: TrainBenchmark [epochs [threads[,threads...]]] [--profile]
//   epochs     passes over the training set (default 1; 0 with --profile only profiles)
//   threads    BLAS threads, which is also the number of shards each batch is split into;
//              a comma-separated list trains a fresh network for each in turn, e.g. `2,1`
//              to also time one thread (default 2)
//   --profile  also time each layer's public forward and backward methods on a batch of 64
//              with one thread (declared layer order, ∂L/∂input included everywhere; the
//              training step itself pools before rectifying and skips the first layer's
//              ∂L/∂input)
import Foundation
import Learning

BLASCoreType.selectAndReexecIfNeeded()

let arguments = CommandLine.arguments.dropFirst()
let profile = arguments.contains("--profile")
let positional = arguments.filter { !$0.hasPrefix("--") }
let epochs = positional.count > 0 ? Int(positional[positional.startIndex]) : 1
let threadCounts = (positional.count > 1 ? positional[positional.startIndex + 1] : "2")
    .split(separator: ",").map { Int($0) }
guard positional.count <= 2, arguments.allSatisfy({ !$0.hasPrefix("--") || $0 == "--profile" }),
      let epochs, epochs >= 0, !threadCounts.isEmpty, threadCounts.allSatisfy({ ($0 ?? 0) > 0 }) else {
    print("usage: TrainBenchmark [epochs [threads[,threads...]]] [--profile]")
    exit(2)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// The processor time of the whole process so far (all threads), in seconds.
func processorSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

let clock = ContinuousClock()
let train: LabelledImages, test: LabelledImages
do {
    train = try LabelledImages.fashionMNIST(split: .train)
    test = try LabelledImages.fashionMNIST(split: .test)
} catch {
    print("cannot load Fashion-MNIST: \(error)")
    exit(2)
}
let labels = train.labels.map(Int.init)
let seed: UInt64 = 2026
print("LeNet-5 on Fashion-MNIST: \(train.count) training and \(test.count) test images, batch 64, "
      + "Adam lr 0.001, seed \(seed), OpenBLAS kernel \(BLAS.coreType ?? "unknown")")

for threads in threadCounts.map({ $0! }) {
    BLAS.setThreads(threads)
    // Check before timing: a few batches twice give the same weights and a finite loss.
    let sample = 8 * 64
    let check = (0..<2).map { _ in
        let network = Architectures.leNet5(classes: 10, seed: seed)
        let losses = Trainer(network: network).train(pixels: Array(train.pixels[..<(sample * 784)]),
                                                     labels: Array(labels[..<sample]), epochs: 1, batchSize: 64,
                                                     seed: seed)
        return (network.flatParameters, losses)
    }
    guard check[0].0 == check[1].0, check[0].1.allSatisfy(\.isFinite) else {
        print("threads \(threads): training is not reproducible or diverged; not timing it")
        exit(1)
    }

    let network = Architectures.leNet5(classes: 10, seed: seed)
    let trainer = Trainer(network: network)
    var times: [Double] = []
    for epoch in 0..<epochs {
        var losses: [Float] = []
        let processorStart = processorSeconds()
        let time = seconds(clock.measure {
            losses = trainer.train(pixels: train.pixels, labels: labels, epochs: 1, batchSize: 64,
                                   seed: seed &+ UInt64(epoch))
        })
        let processor = processorSeconds() - processorStart
        times.append(time)
        let accuracy = network.accuracy(on: test)
        guard losses.count == 1, losses[0].isFinite, accuracy > 0.5 else {
            print("threads \(threads): training failed: loss \(losses), test accuracy \(accuracy)")
            exit(1)
        }
        print(String(format: "threads %d  epoch %d: %.2f s/epoch  %.3f s per 1,000 images  (processor %.2f s)  "
                     + "loss %.4f  test accuracy %.2f%%", threads, epoch + 1, time,
                     time * 1000 / Double(train.count), processor, losses[0], accuracy * 100))
    }
    if epochs > 1 {
        print(String(format: "threads %d: mean %.2f s/epoch, best %.2f s/epoch over %d epochs", threads,
                     times.reduce(0, +) / Double(epochs), times.min()!, epochs))
    }
}

if profile {
    BLAS.setThreads(1)
    let network = Architectures.leNet5(classes: 10, seed: seed)
    let batch = Matrix(rows: 64, columns: 784, storage: Array(train.pixels[..<(64 * 784)]))
    let repeats = 200
    // The fastest of the repeats: the least disturbed by other processes.
    var forward = [Double](repeating: .infinity, count: network.layers.count), backward = forward
    for _ in 0..<repeats {
        var value = batch
        for (index, layer) in network.layers.enumerated() {
            let input = value
            forward[index] = min(forward[index], seconds(clock.measure { value = layer.forward(input, training: true) }))
        }
        var gradient = Matrix(rows: 64, columns: value.columns, repeating: 0.01)
        for (index, layer) in network.layers.enumerated().reversed() {
            let output = gradient
            backward[index] = min(backward[index], seconds(clock.measure { gradient = layer.backward(output) }))
        }
    }
    print("per layer, public methods, one thread, batch 64 (µs per batch, fastest of \(repeats)):")
    for (index, layer) in network.layers.enumerated() {
        let name = "\(type(of: layer))".padding(toLength: 10, withPad: " ", startingAt: 0)
        print(String(format: "  %2d ", index) + name + String(format: "  forward %7.1f  backward %7.1f",
              forward[index] * 1e6, backward[index] * 1e6))
    }
    print(String(format: "  total                forward %7.1f  backward %7.1f", forward.reduce(0, +) * 1e6,
                 backward.reduce(0, +) * 1e6))
}
