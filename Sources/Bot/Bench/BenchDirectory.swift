import Foundation

/// A directory under `/tmp` removed (with its contents) when the value goes away. `/tmp` rather
/// than `$TMPDIR` keeps socket paths well inside `sun_path`.
final class BenchDirectory {
    /// Absolute path.
    let path: String

    init(prefix: String) throws(BenchError) {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .temporaryDirectory(errno: errno)
        }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
