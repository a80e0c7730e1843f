import Dispatch

/// Starts work that may block for long (a collector, `statvfs` on a dead NFS server) on a thread of its own.
///
/// Each call gets a fresh serial queue: serial queues target libdispatch's overcommitting root queue, which
/// starts a new thread when all of its threads are blocked. Global and concurrent queues do not overcommit, and
/// on a 2-core machine a collector waiting for its own `statvfs` call there stalls for seconds while the pool
/// slowly grows.
enum BlockingWorkQueue {
    /// Runs `work` asynchronously on a thread that may block without starving other work.
    static func run(_ label: String, _ work: @escaping @Sendable () -> Void) {
        DispatchQueue(label: "tocsin.\(label)").async(execute: work)
    }
}
