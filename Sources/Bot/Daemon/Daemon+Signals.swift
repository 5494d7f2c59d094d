import Foundation

/// Signals, one mechanism each:
/// - SIGPIPE: ignored process-wide (`SIG_IGN`); socket writes also pass `MSG_NOSIGNAL`.
/// - SIGTERM, SIGINT: stop (see `Daemon.requestStop`).
/// - SIGHUP: reload (see `Daemon.requestReload`).
///
/// TERM/INT/HUP are delivered by `DispatchSourceSignal` only (libdispatch reads them from a
/// signalfd; it installs its own `sigaction`, so we install none). They are blocked in the main
/// thread first — before any other thread exists, so every thread inherits the mask — which
/// keeps a signal that arrives before libdispatch has registered its source pending instead of
/// lost or fatal: a HUP or TERM sent right after `ready` is never dropped. The source handlers
/// run on `controlQueue`, never in signal context, and only post the request there.
extension Daemon {
    /// Installs the handlers. Called first thing in `run()`, before any data is loaded.
    func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        let handled: [(Int32, String)] = [(SIGTERM, "TERM"), (SIGINT, "INT"), (SIGHUP, "HUP")]
        var mask = sigset_t()
        sigemptyset(&mask)
        for (number, _) in handled { sigaddset(&mask, number) }
        pthread_sigmask(SIG_BLOCK, &mask, nil)
        controlQueue.sync {
            for (number, name) in handled {
                let source = DispatchSource.makeSignalSource(signal: number, queue: controlQueue)
                source.setEventHandler { [self] in
                    if number == SIGHUP { requestReload(reason: "SIG" + name) } else { requestStop(reason: "SIG" + name) }
                }
                source.activate()
                signalSources.append(source)
            }
        }
    }
}
