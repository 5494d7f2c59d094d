import Dispatch

/// `body(0) … body(count - 1)` computed on all cores (`DispatchQueue.concurrentPerform`), results
/// in index order. `body` must not touch shared mutable state; the knowledge-base build uses it
/// for work that is independent per page or per article.
func parallelMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let out = buffer
        withoutActuallyEscaping(body) { work in
            nonisolated(unsafe) let work = work
            DispatchQueue.concurrentPerform(iterations: count) { i in out[i] = work(i) }
        }
    }
    return results.map { $0! }
}

/// Runs `a` and `b` at the same time and returns both results.
func concurrently<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
    var first: A?
    var second: B?
    withoutActuallyEscaping(a) { a in
        withoutActuallyEscaping(b) { b in
            nonisolated(unsafe) let a = a, b = b
            nonisolated(unsafe) var r1: A?, r2: B?
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { r1 = a() } else { r2 = b() }
            }
            first = r1
            second = r2
        }
    }
    return (first!, second!)
}
