import Foundation

/// `bench --json`: one object, a member per section that ran; times in µs unless the name says
/// otherwise (`_ms`, `_seconds`), sizes in bytes.
///
/// `{"build","cores","pages","questions","smoke","in_process":{…},"socket":{…},"startup":{…},
///   "scale":{"baseline":{…},"sizes":[…]},"targets":[{"name","measured","bound","limit","unit","met"}]}`
extension BenchReport {
    func json() -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("build", .string(build)), ("cores", .int(cores)), ("pages", .int(pages)), ("questions", .int(questions)),
            ("smoke", .bool(configuration.smoke)),
        ]
        if let r = inProcess {
            members.append(("in_process", .object([
                ("questions", .int(r.questions)), ("iterations", .int(r.iterations)), ("declined", .int(r.declined)),
                ("latency_us", BenchReport.json(r.latency)),
                ("answers_per_second_1_thread", .double(r.singleThreadPerSecond)),
                ("answers_per_second_all_cores", .double(r.allCoresPerSecond)), ("cores", .int(r.cores)),
                ("background_cores", inProcessBackgroundCores.map(JSONValue.double) ?? .null),
            ])))
        }
        if let s = socket {
            let r = s.result
            var socket: [(String, JSONValue)] = [
                ("clients", .int(r.settings.clients)), ("requests_per_client", .int(r.settings.requestsPerClient)),
                ("window", .int(r.settings.window)), ("replies", .int(r.replies)), ("errors", .int(r.errors)),
                ("first_error", r.firstError.map(JSONValue.string) ?? .null), ("seconds", .double(r.seconds)),
                ("answers_per_second", .double(r.answersPerSecond)), ("round_trip_us", BenchReport.json(r.roundTrip)),
                ("client_cpu_seconds", .double(r.clientCPUSeconds)),
                ("background_cores", s.backgroundCores.map(JSONValue.double) ?? .null),
            ]
            if let d = s.daemon {
                socket.append(("daemon", .object([("pid", .int(Int(d.pid))), ("peak_rss_bytes", .int(d.peakBytes)),
                                                  ("rss_bytes", .int(d.residentBytes)), ("cpu_seconds", .double(d.cpuSeconds))])))
            }
            if let st = s.stats {
                socket.append(("daemon_stats", .object([("queries", .int(st.queries)), ("line_errors", .int(st.lineErrors)),
                                                        ("answer_p50_ms", .double(st.answerP50Milliseconds)),
                                                        ("answer_p99_ms", .double(st.answerP99Milliseconds))])))
            }
            members.append(("socket", .object(socket)))
        }
        if let s = startup {
            members.append(("startup", .object([
                ("runs", .int(s.runs)), ("median_ms", .double(s.median * 1000)),
                ("ready_ms", .array(s.readySeconds.map { .double($0 * 1000) })),
                ("daemon_startup_ms", .array(s.loggedMilliseconds.map { .double($0) })),
                ("rss_bytes", .int(s.residentBytes)), ("stop_ms", .array(s.stopSeconds.map { .double($0 * 1000) })),
                ("bad_exits", .int(s.badExits)),
            ])))
        }
        if !scale.isEmpty {
            members.append(("scale", .object([
                ("baseline_latency_us", scaleBaseline.map(BenchReport.json) ?? .null),
                ("baseline_background_cores", scaleBaselineBackgroundCores.map(JSONValue.double) ?? .null),
                ("sizes", .array(scale.map { r in
                    .object([
                        ("pages", .int(r.pages)), ("build_seconds", .double(r.buildSeconds)),
                        ("daemon_ready_seconds", .double(r.daemonReadySeconds)), ("rss_bytes", .int(r.residentBytes)),
                        ("peak_rss_bytes", .int(r.peakBytes)), ("mix_latency_us", BenchReport.json(r.mixLatency)),
                        ("generated_latency_us", BenchReport.json(r.generatedLatency)), ("questions", .int(r.questions)),
                        ("correct", .int(r.correct)), ("accuracy", .double(r.accuracy)),
                        ("background_cores", r.backgroundCores.map(JSONValue.double) ?? .null),
                        ("misses", .array(r.misses.map {
                            .object([("question", .string($0.question)), ("expected", .string($0.expected)), ("answer", .string($0.answer))])
                        })),
                    ])
                })),
            ])))
        }
        members.append(("targets", .array(targets.map { t in
            .object([("name", .string(t.name)), ("measured", .double(t.measured)),
                     ("bound", .string(t.bound == .atMost ? "at_most" : "at_least")), ("limit", .double(t.limit)),
                     ("unit", .string(t.unit)), ("met", .bool(t.met))])
        })))
        return .object(members)
    }

    private static func json(_ stats: LatencyStats) -> JSONValue {
        .object([("count", .int(stats.count)), ("p50", .double(stats.percentile(50))), ("p90", .double(stats.percentile(90))),
                 ("p99", .double(stats.percentile(99))), ("max", .double(stats.percentile(100))), ("mean", .double(stats.mean))])
    }
}
