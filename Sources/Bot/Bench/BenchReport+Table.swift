import Foundation

/// The readable form of a `BenchReport`: one block per section, then the targets.
extension BenchReport {
    func table() -> String {
        var out: [String] = []
        let c = configuration
        out.append("enquiry-bot bench · \(build) build · \(cores) cores · \(pages) pages · \(questions) questions"
                   + (c.smoke ? " · smoke counts" : ""))
        if build != "release" { out.append("note: a debug build — figures are not comparable with the targets") }

        if let r = inProcess {
            out.append("")
            out.append("in-process · \(r.questions) questions × \(r.iterations) rounds · \(r.declined) of \(r.questions) declined")
            out.append(row("answer time", "p50 \(us(r.latency.percentile(50))) · p90 \(us(r.latency.percentile(90))) · "
                           + "p99 \(us(r.latency.percentile(99))) · mean \(us(r.latency.mean))"))
            out.append(row("answers/s", "\(count(r.singleThreadPerSecond)) on 1 thread · \(count(r.allCoresPerSecond)) on \(r.cores) cores"))
            if let other = inProcessBackgroundCores { out.append(background(other)) }
        }

        if let s = socket {
            let r = s.result, set = r.settings
            out.append("")
            out.append("socket · \(set.clients) clients × \(set.requestsPerClient) requests, \(set.window) in flight each"
                       + (s.daemon.map { " · daemon pid \($0.pid)" } ?? " · \(c.socketPath ?? "")"))
            out.append(row("answers/s", count(r.answersPerSecond) + String(format: " (%d replies in %.2f s)", r.replies, r.seconds)))
            out.append(row("round trip", "p50 \(ms(r.roundTrip.percentile(50))) · p90 \(ms(r.roundTrip.percentile(90))) · "
                           + "p99 \(ms(r.roundTrip.percentile(99))) · max \(ms(r.roundTrip.percentile(100)))"))
            out.append(row("errors", "\(r.errors)" + (r.firstError.map { " — first: \($0)" } ?? "")))
            if let st = s.stats {
                out.append(row("daemon stats", String(format: "answer time p50 %.3f ms · p99 %.3f ms · %d queries · %d line errors",
                                                      st.answerP50Milliseconds, st.answerP99Milliseconds, st.queries, st.lineErrors)))
            }
            if let d = s.daemon {
                out.append(row("daemon", "peak RSS \(mb(d.peakBytes)) · RSS at end \(mb(d.residentBytes)) · "
                               + String(format: "CPU %.2f s (%.2f cores)", d.cpuSeconds, r.seconds > 0 ? d.cpuSeconds / r.seconds : 0)))
            }
            out.append(row("bench clients", String(format: "CPU %.2f s (%.2f cores)", r.clientCPUSeconds,
                                                   r.seconds > 0 ? r.clientCPUSeconds / r.seconds : 0)))
            if let other = s.backgroundCores { out.append(background(other)) }
        }

        if let s = startup {
            out.append("")
            out.append("start-up · \(s.runs) runs · exec → `ready` line")
            let ready = s.readySeconds.map { $0 * 1000 }
            out.append(row("exec → ready", String(format: "median %.1f ms (min %.1f, max %.1f)", s.median * 1000,
                                                  ready.min() ?? 0, ready.max() ?? 0)))
            if !s.loggedMilliseconds.isEmpty {
                out.append(row("of which", String(format: "%.1f ms data load + listener (the daemon's startup_ms, median)",
                                                  StartupBench.median(s.loggedMilliseconds))))
            }
            out.append(row("RSS at ready", mb(s.residentBytes) + String(format: " · SIGTERM → exit median %.1f ms", StartupBench.median(s.stopSeconds) * 1000)
                           + (s.badExits > 0 ? " · \(s.badExits) runs did not exit 0" : "")))
        }

        if !scale.isEmpty {
            out.append("")
            out.append("scale · generated pages (CorpusGenerator) · mix = the bundled questions, \(c.scaleIterations) rounds · generated questions once each")
            out.append("  build = in-process knowledge base + intents load; RSS = the daemon's after answering; peak = its VmHWM (during the build)")
            out.append("  pages   build     exec→ready   RSS         peak RSS    mix p50     mix p99     gen p50     accuracy")
            if let b = scaleBaseline {
                out.append(cells(["\(pages)", "—", "—", "—", "—", us(b.percentile(50)), us(b.percentile(99)), "—", "(bundled)"]))
                if let other = scaleBaselineBackgroundCores, other > BackgroundLoad.noisyCores { out.append(background(other)) }
            }
            for r in scale {
                out.append(cells(["\(r.pages)", String(format: "%.2f s", r.buildSeconds), String(format: "%.2f s", r.daemonReadySeconds),
                                  mb(r.residentBytes), mb(r.peakBytes), us(r.mixLatency.percentile(50)), us(r.mixLatency.percentile(99)),
                                  us(r.generatedLatency.percentile(50)),
                                  String(format: "%d/%d %.1f%%", r.correct, r.questions, r.accuracy * 100)]))
                if let other = r.backgroundCores, other > BackgroundLoad.noisyCores { out.append(background(other)) }
                for m in r.misses {
                    out.append("          miss: \(m.question) — expected \(m.expected), got: \(m.answer.prefix(80))")
                }
            }
        }

        let t = targets
        if !t.isEmpty {
            out.append("")
            out.append("targets (reported, not asserted)")
            for target in t {
                let sign = target.bound == .atMost ? "≤" : "≥"
                out.append("  " + target.name.padding(toLength: 40, withPad: " ", startingAt: 0)
                           + (value(target.measured, target.unit)).padding(toLength: 14, withPad: " ", startingAt: 0)
                           + "\(sign) \(value(target.limit, target.unit))".padding(toLength: 14, withPad: " ", startingAt: 0)
                           + (target.met ? "met" : "MISSED"))
            }
        }
        return out.joined(separator: "\n")
    }

    /// The scale table's columns, as wide as its heading's.
    private func cells(_ values: [String]) -> String {
        let widths = [8, 10, 13, 12, 12, 12, 12, 12, 0]
        return "  " + zip(values, widths).map { $1 > 0 ? $0.padding(toLength: max($1, $0.count + 1), withPad: " ", startingAt: 0) : $0 }.joined()
    }

    private func background(_ cores: Double) -> String {
        row("other work", String(format: "%.2f cores busy with other processes", cores)
            + (cores > BackgroundLoad.noisyCores ? " — NOISY: these figures are understated, run again on an idle machine" : ""))
    }

    private func row(_ label: String, _ text: String) -> String {
        "  " + label.padding(toLength: 15, withPad: " ", startingAt: 0) + text
    }

    private func us(_ v: Double) -> String { String(format: "%.1f µs", v) }
    private func ms(_ microseconds: Double) -> String { String(format: "%.2f ms", microseconds / 1000) }
    private func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
    private func count(_ v: Double) -> String { String(format: "%.0f", v) }

    private func value(_ v: Double, _ unit: String) -> String {
        switch unit {
        case "/s": return String(format: "%.0f/s", v)
        case "×": return String(format: "%.2f×", v)
        case "": return String(format: "%.0f", v)
        default: return String(format: "%.1f ", v) + unit
        }
    }
}
