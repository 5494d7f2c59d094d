import Foundation
import Testing
@testable import Bot

@Suite struct BenchConfigurationTests {
    private func parse(_ args: [String]) throws -> BenchConfiguration {
        try BenchCommand.configuration(from: args + ["--corpus", "/c", "--intents", "/i"])
    }

    @Test func defaultsRunTheQuickSections() throws {
        let c = try parse([])
        #expect(c.inProcess && c.socket && c.startup && c.scaleSizes.isEmpty)
        #expect(c.iterations == 200 && c.clients == 16 && c.requestsPerClient == 2000 && c.window == 4 && c.startupRepeats == 5)
    }

    @Test func namedSectionsOnly() throws {
        let c = try parse(["--socket-bench", "--clients", "8", "--requests=100", "--window", "2"])
        #expect(!c.inProcess && c.socket && !c.startup && c.scaleSizes.isEmpty)
        #expect(c.clients == 8 && c.requestsPerClient == 100 && c.window == 2)
        #expect(try parse(["--scale", "100,1000"]).scaleSizes == [100, 1000])
        #expect(try !parse(["--scale", "20"]).inProcess)
    }

    @Test func allAndSmoke() throws {
        let all = try parse(["--all"])
        #expect(all.inProcess && all.socket && all.startup && all.scaleSizes == [100, 1000] && !all.smoke)
        let smoke = try parse(["--smoke"])
        #expect(smoke.smoke && smoke.inProcess && smoke.socket && smoke.startup && smoke.scaleSizes == [10])
        #expect(smoke.iterations == 2 && smoke.clients == 2 && smoke.requestsPerClient == 20 && smoke.startupRepeats == 1)
        #expect(try parse(["--smoke", "--in-process"]).scaleSizes.isEmpty)
        #expect(try parse(["--smoke", "--all", "--clients", "3"]).clients == 3)
    }

    /// Each bad value and the words its message must contain.
    @Test(arguments: [
        (["--clients", "0"], "--clients must be a whole number from 1 to 1000"),
        (["--window", "5000"], "--window must be a whole number from 1 to 1000, not '5000'"),
        (["--scale", "10,x"], "--scale must be page counts"),
        (["--scale", "5000"], "--scale must be a whole number from 1 to 1900, not 5000"),
        (["--iterations", "many"], "--iterations must be a whole number from 1 to 1000000, not 'many'"),
        (["--frobnicate"], "unknown option --frobnicate"),
        (["extra"], "unexpected argument 'extra'"),
    ])
    func refusals(args: [String], message: String) {
        #expect {
            _ = try parse(args)
        } throws: { error in
            (error as? UsageError)?.message.contains(message) == true
        }
    }

    @Test func procFilesAreRead() {
        let status = "Name:\tenquiry-bot\nVmHWM:\t   29320 kB\nVmRSS:\t   28000 kB\n"
        #expect(ProcessUsage.kilobytes("VmHWM:", in: status) == 29320)
        #expect(ProcessUsage.kilobytes("VmRSS:", in: status) == 28000)
        #expect(ProcessUsage.kilobytes("VmSwap:", in: status) == nil)
        // The command name may hold spaces and parentheses; utime and stime are fields 14 and 15.
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let stat = "42 (a (b) c) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 100 1000 200"
        #expect(ProcessUsage.cpuSeconds(stat: stat) == 300 / ticks)
        #expect(ProcessUsage.read(pid: getpid()).map { $0.peakBytes >= $0.residentBytes && $0.residentBytes > 0 } == true)
    }

    @Test func executableIsResolved() {
        let exe = BenchConfiguration.currentExecutable(arguments: ["/proc/self/exe"], environment: [:])
        #expect(FileManager.default.isExecutableFile(atPath: exe) && !exe.hasPrefix("/proc"))
    }
}

@Suite struct BenchReportTests {
    private func report() throws -> BenchReport {
        var c = try BenchCommand.configuration(from: ["--smoke", "--corpus", "/c", "--intents", "/i"])
        c.json = true
        var r = BenchReport(configuration: c, pages: 5, questions: 3)
        let stats = LatencyStats([10_000, 20_000, 30_000])
        r.inProcess = InProcessBench.Result(questions: 3, iterations: 1, latency: stats, singleThreadPerSecond: 100,
                                            allCoresPerSecond: 150, cores: 2, declined: 1)
        r.socket = .init(result: SocketBench.Result(settings: .init(clients: 2, requestsPerClient: 2, window: 1), replies: 4, errors: 0,
                                                    firstError: nil, seconds: 0.5, roundTrip: stats, clientCPUSeconds: 0.1),
                         daemon: .init(pid: 1, peakBytes: 30_000_000, residentBytes: 29_000_000, cpuSeconds: 0.4),
                         stats: DaemonStats(queries: 4, lineErrors: 0, answerP50Milliseconds: 0.05, answerP99Milliseconds: 0.2))
        r.startup = StartupBench.Result(runs: 1, readySeconds: [0.15], loggedMilliseconds: [140], residentBytes: 30_000_000,
                                        stopSeconds: [0.004], badExits: 0)
        r.scaleBaseline = stats
        r.scale = [ScaleBench.Result(pages: 10, questions: 13, correct: 12, misses: [("q", "e", "a")], buildSeconds: 0.3,
                                     daemonReadySeconds: 0.4, residentBytes: 34_000_000, peakBytes: 35_000_000,
                                     mixLatency: stats, generatedLatency: stats)]
        return r
    }

    @Test func jsonHasEverySectionAndTarget() throws {
        let value = try report().json()
        let text = JSONLine.encode(value)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["in_process", "socket", "startup", "scale", "targets"] { #expect(parsed[key] != nil, "\(key)") }
        #expect(value["socket"]?["errors"] == .int(0))
        #expect(value["in_process"]?["latency_us"]?["p50"] == .double(20))
        let targets = try #require(parsed["targets"] as? [[String: Any]])
        #expect(targets.count == 12)
        func met(_ name: String) -> Bool? { targets.first { $0["name"] as? String == name }?["met"] as? Bool }
        #expect(met("in-process p50") == false, "20 µs > 13 µs")
        #expect(met("socket, 2 clients, answers/s") == false)
        #expect(met("socket, 2 clients, errors") == true)
        #expect(met("exec → ready (median)") == false, "150 ms > 50 ms")
        #expect(met("10 pages, daemon RSS serving") == true, "34 MB ≤ 120 MB")
        #expect(met("10 pages, p99") == true, "30 µs ≤ 100 µs")
    }

    @Test func tableHasEverySection() throws {
        let r = try report()
        let table = r.table()
        for heading in ["in-process ·", "socket ·", "start-up ·", "scale ·", "targets (reported, not asserted)"] {
            #expect(table.contains("\n" + heading), "\(heading)")
        }
        #expect(table.contains("12/13 92.3%") && table.contains("miss: q — expected e, got: a"))
        #expect(!r.hasFailures)
        var failed = r
        failed.socket?.result.errors = 1
        #expect(failed.hasFailures)
    }
}
