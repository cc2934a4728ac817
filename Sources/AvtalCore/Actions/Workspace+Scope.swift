import Foundation
import Yams

extension Workspace {
    /// The document IDs of a published version's snapshot, read from its manifest; nil when there is no
    /// locked, readable snapshot (the caller then loads everything, and the usual diagnostics explain).
    static func snapshotDocuments(root: URL, version: String) -> Set<String>? {
        let folder = snapshotFolder(root, version: version)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(VersionLock.fileName).path),
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent(CorpusLoader.manifestName).path),
              let text = String(data: data, encoding: .utf8),
              let manifest = (try? Yams.load(yaml: text)) as? [String: Any],
              let documents = manifest["documents"] as? [[String: Any]]
        else { return nil }
        let ids = documents.compactMap { $0["id"] as? String }
        return ids.isEmpty || ids.count != documents.count ? nil : Set(ids)
    }
}
