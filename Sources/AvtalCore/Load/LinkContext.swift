import AvtalMarkdown
import Foundation


/// What a document needs to know about the rest of the corpus to classify its links. The checker
/// and the renderers classify a destination the same way through `target(of:from:)`.
public struct LinkContext: Sendable {
    var documentIDs: Set<String>
    /// Corpus-relative file path → document ID.
    var documentFiles: [String: String]
    var files: Set<String>

    init(documentIDs: Set<String>, documentFiles: [String: String], files: Set<String>) {
        self.documentIDs = documentIDs
        self.documentFiles = documentFiles
        self.files = files
    }

    public init(_ corpus: Corpus) {
        self.init(manifest: corpus.manifest, files: corpus.files)
    }

    /// `files` are the corpus's other files; without them, a link to one reads as a document ID.
    public init(manifest: Manifest, files: Set<String> = []) {
        var documentFiles: [String: String] = [:]
        for entry in manifest.documents where documentFiles[entry.file] == nil { documentFiles[entry.file] = entry.id }
        self.init(documentIDs: Set(manifest.documents.map(\.id)), documentFiles: documentFiles, files: files)
    }

    public enum Problem: Error, Sendable {
        case noDestination
        case emptyFragment
    }

    /// What a link destination written in the document `entry` points to.
    public func target(of destination: String, from entry: Manifest.Entry) -> Result<ReferenceTarget, Problem> {
        if destination.isEmpty { return .failure(.noDestination) }
        if destination.hasPrefix(ExternalDocuments.scheme) {
            return .success(.externalDocument(String(destination.dropFirst(ExternalDocuments.scheme.count))))
        }
        if DocumentParser.hasScheme(destination) { return .success(.external(destination)) }
        let hash = destination.firstIndex(of: "#")
        let pathPart = String(destination[..<(hash ?? destination.endIndex)])
        let fragment = hash.map { String(destination[destination.index(after: $0)...]) }
        if fragment?.isEmpty == true { return .failure(.emptyFragment) }
        let path = pathPart.removingPercentEncoding ?? pathPart

        let documentID: String
        if path.isEmpty {
            documentID = entry.id
        } else if !path.contains("/" as Character), !path.contains("." as Character), Suggestions.isValidID(path),
                  documentIDs.contains(path) || !files.contains(Self.resolve(path, from: entry.file)) {
            documentID = path
        } else {
            let resolved = Self.resolve(path, from: entry.file)
            guard let id = documentFiles[resolved] else { return .success(.file(resolved)) }
            documentID = id
        }
        if let fragment { return .success(.clause(document: documentID, id: fragment)) }
        return .success(.document(documentID))
    }

    /// Resolves a relative path against the folder of `file`; the result is corpus-relative,
    /// and starts with "../" when it leaves the corpus.
    static func resolve(_ path: String, from file: String) -> String {
        var parts: [Substring] = path.hasPrefix("/") ? [] : file.split(separator: "/").dropLast()
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
            default: parts.append(component)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
