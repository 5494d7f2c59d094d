import Foundation

/// Finds the bundled `corpus/` and `intents/` directories when the command line names none.
///
/// Order: the explicit option; `$ENQUIRY_BOT_CORPUS` / `$ENQUIRY_BOT_INTENTS`; `./corpus` or
/// `./intents` in the working directory; the package root inferred from the executable
/// (`<root>/.build/<config>/enquiry-bot`); `/usr/share/enquiry-bot/<name>`.
enum DataLocations {
    static func corpus(explicit: String?) -> String {
        resolve(explicit: explicit, environment: "ENQUIRY_BOT_CORPUS", name: "corpus")
    }

    static func intents(explicit: String?) -> String {
        resolve(explicit: explicit, environment: "ENQUIRY_BOT_INTENTS", name: "intents")
    }

    private static func resolve(explicit: String?, environment: String, name: String) -> String {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment[environment], !env.isEmpty { return env }
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath + "/" + name]
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent(name).path)
            dir = dir.deletingLastPathComponent()
        }
        candidates.append("/usr/share/enquiry-bot/" + name)
        var isDir: ObjCBool = false
        for c in candidates where fm.fileExists(atPath: c, isDirectory: &isDir) && isDir.boolValue {
            return c
        }
        return candidates[0]
    }
}
