import Foundation

/// `avtal init`: writes the starter corpus into a new or empty folder.
package enum InitAction {
    /// Writes `StarterCorpus.files` as `folder` and returns their paths, sorted. A folder that holds
    /// anything, even a hidden file, is refused: init never mixes its files with someone else's.
    package static func run(folder: URL) throws(ActionFailure) -> [String] {
        do {
            try AtomicWriter.createFolder(folder, with: StarterCorpus.files)
        } catch {
            throw .cannotRun(error.description)
        }
        return StarterCorpus.files.keys.sorted()
    }
}
