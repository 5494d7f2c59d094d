import Foundation

/// How busy other processes kept the cores during a measurement: the machine's CPU time (from
/// `/proc/stat`) less this process's and the daemon's, over the wall time. On a shared 2-core
/// machine a compile running meanwhile halves a throughput figure; the report shows this next to
/// the figures it affects rather than silently publishing a noisy number.
struct BackgroundLoad {
    private let machine: Double?
    private let own: Double
    private let started: UInt64

    /// Starts measuring now.
    init() {
        machine = ProcessUsage.machineBusySeconds()
        own = ProcessUsage.ownCPUSeconds()
        started = DispatchTime.now().uptimeNanoseconds
    }

    /// Cores other processes used since `init`, given the CPU seconds the daemon used meanwhile
    /// (0 when there is none); nil where `/proc/stat` is unreadable.
    func otherCores(daemonCPUSeconds: Double = 0) -> Double? {
        guard let machine, let now = ProcessUsage.machineBusySeconds() else { return nil }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard wall > 0 else { return nil }
        let others = (now - machine) - (ProcessUsage.ownCPUSeconds() - own) - daemonCPUSeconds
        return max(0, others) / wall
    }

    /// Above this many cores of other work, figures are marked noisy.
    static let noisyCores = 0.2
}
