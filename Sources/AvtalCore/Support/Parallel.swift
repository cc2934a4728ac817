import Dispatch

/// Work on every core for the stages whose pieces are independent: documents are parsed, and a
/// version's texts rendered, each on its own. Results come back in input order, so diagnostics and
/// output stay in the same order, byte for byte, however the work was scheduled.
package enum Parallel {
    /// `transform` of each element, in order. `transform` must only read shared values (the callers
    /// pass parsers and renderers built per element over immutable inputs); that is the contract
    /// that makes sharing it across threads sound, and why it is not required to be `@Sendable`.
    package static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
            results.initialize(repeating: nil)
            defer {
                _ = results.deinitialize()
                results.deallocate()
            }
            nonisolated(unsafe) let shared = (items: items, transform: transform, results: results)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                // Each index is written by exactly one iteration.
                shared.results[index] = shared.transform(shared.items[index])
            }
            return results.map { $0! }
        }
    }
}
