import Foundation
import ZIPFoundation

/// Pandoc 2.17 numbers insertions and deletions each from 1, so a `w:ins` and a `w:del` can share a
/// `w:id`, and either can share one with a bookmark; WordprocessingML wants every annotation's ID to be
/// its own. This gives each revision an ID above every other one in the document and writes the package
/// again with fixed entry times.
enum DocxRevisionIDs {
    static let document = "word/document.xml"

    static func unique(_ docx: Data, date: Date) throws -> Data {
        let source = try Archive(data: docx, accessMode: .read)
        var entries: [(path: String, data: Data)] = []
        for entry in source {
            var data = Data()
            _ = try source.extract(entry, skipCRC32: false) { data.append($0) }
            entries.append((entry.path, data))
        }
        guard let index = entries.firstIndex(where: { $0.path == document }) else { return docx }
        let xml = String(decoding: entries[index].data, as: UTF8.self)
        guard xml.contains("<w:ins ") || xml.contains("<w:del ") else { return docx }
        let highest = xml.matches(of: /w:id="(\d+)"/).compactMap { Int($0.output.1) }.max() ?? 0
        var next = highest
        let renumbered = xml.replacing(/<w:(ins|del) w:id="\d+"/) { match in
            next += 1
            return "<w:\(match.output.1) w:id=\"\(next)\""
        }
        entries[index].data = Data(renumbered.utf8)
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? docx
    }
}
