import Foundation

/// Files compiled into the binary by `scripts/embed-templates` (the default templates, the starter
/// corpus), so that avtal works from any folder on any machine with nothing installed beside it.
package enum EmbeddedFiles {
    /// The generated pairs decoded: path → bytes. A pair that does not decode is left out rather than
    /// trapping; the tests that compare the compiled-in files with their folder fail on it.
    package static func decode(_ encoded: KeyValuePairs<String, String>) -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, base64) in encoded {
            if let data = Data(base64Encoded: base64) { files[path] = data }
        }
        return files
    }
}
