import Foundation

/// Memory and CPU of a process as `/proc` reports them (Linux; nil elsewhere or once it is gone).
///
/// | field          | source                                   |
/// |----------------|------------------------------------------|
/// | `residentBytes`| `/proc/PID/status` `VmRSS` (kB)          |
/// | `peakBytes`    | `/proc/PID/status` `VmHWM` (kB): highest RSS since start |
/// | `cpuSeconds`   | `/proc/PID/stat` utime + stime (clock ticks) |
struct ProcessUsage: Sendable, Equatable {
    var residentBytes: Int
    var peakBytes: Int
    var cpuSeconds: Double

    /// Reads `pid` now.
    static func read(pid: pid_t) -> ProcessUsage? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let rss = kilobytes("VmRSS:", in: status), let hwm = kilobytes("VmHWM:", in: status) else { return nil }
        let cpu = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)).flatMap(cpuSeconds(stat:)) ?? 0
        return ProcessUsage(residentBytes: rss * 1024, peakBytes: hwm * 1024, cpuSeconds: cpu)
    }

    /// CPU time every process on the machine has used since boot (`/proc/stat`: user, nice,
    /// system, irq, softirq, steal), seconds. Less our own and the daemon's over a run, it shows
    /// how much other work competed for the cores.
    static func machineBusySeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 8 else { return nil }
        let busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return busy / (ticks > 0 ? ticks : 100)
    }

    /// User + system CPU of this process so far, seconds.
    static func ownCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The value of a `Key:   123 kB` line.
    static func kilobytes(_ key: String, in status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            return Int(line.dropFirst(key.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    /// utime + stime in seconds from a `/proc/PID/stat` line. The command name (field 2) may hold
    /// spaces and parentheses, so fields are counted after its last `)`.
    static func cpuSeconds(stat: String) -> Double? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / (ticks > 0 ? ticks : 100)
    }
}
