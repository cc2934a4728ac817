import AvtalCore

/// Why a publishing step could not run. The message names what is missing and what to do.
package enum PublishingError: Error, Sendable, CustomStringConvertible {
    /// Not `working` and not in versions.yml.
    case unknownVersion(String, known: [String])
    /// Listed, but its text could not be built (its problems are in the workspace's diagnostics).
    case versionNotBuilt(String)
    case unknownPatch(String, known: [String])
    /// The patch is in no version, so there is no text to number it against.
    case patchInNoVersion(String)
    /// The patch, or an earlier patch of its version, does not apply.
    case patchDoesNotApply(String, version: String, problems: [String])

    package var description: String {
        switch self {
        case let .unknownVersion(id, known):
            "Unknown version '\(id)': use 'working' or a version in \(VersionsFile.name) (\(known.isEmpty ? "none listed" : known.joined(separator: ", ")))"
        case let .versionNotBuilt(id):
            "Version '\(id)' could not be built: run 'avtal check' to see why"
        case let .unknownPatch(id, known):
            "Unknown patch '\(id)': patches are read from \(Workspace.patchesFolder)/<id>.yml (\(known.isEmpty ? "none found" : known.joined(separator: ", ")))"
        case let .patchInNoVersion(id):
            "Patch '\(id)' is in no version: list it under 'patches' of a version in \(VersionsFile.name)"
        case let .patchDoesNotApply(id, version, problems):
            "Patch '\(id)' does not apply in version '\(version)': " + problems.joined(separator: "; ")
        }
    }
}

extension VersionDiff {
    /// The differences between two versions of a loaded workspace (`working` for the sources).
    package static func compute(from a: String, to b: String, in workspace: Workspace) throws(PublishingError) -> VersionDiff {
        compute(from: try text(a, in: workspace), to: try text(b, in: workspace))
    }

    /// What a version's patches changed: the version against its base. Patches change clauses and
    /// front matter but never add or remove a document, so a document that only the base holds was
    /// added to the base after the version was made; it is left out, which also keeps the cost of a
    /// version's redline independent of how far the working text has grown since.
    ///
    /// For a published version the base has often moved on since it was published: the working text
    /// keeps changing. Comparing the snapshot with today's base would show every later edit as
    /// something the version undid. So when the version's patches still apply to today's base, the
    /// diff is of exactly that application: the decisions' changes and nothing else.
    package static func ofVersion(_ id: String, in workspace: Workspace) -> VersionDiff? {
        guard let version = workspace.versions.first(where: { $0.id == id }) else { return nil }
        if let record = workspace.assemblies[id], !record.patches.isEmpty,
           record.patches.allSatisfy({ $0.problems.isEmpty }) {
            return compute(from: onlyDocuments(of: record.text, in: record.base), to: record.text)
        }
        guard let base = workspace.texts[version.base], let text = workspace.texts[id] else { return nil }
        return compute(from: onlyDocuments(of: text, in: base), to: text)
    }

    private static func onlyDocuments(of text: VersionText, in base: VersionText) -> VersionText {
        var base = base
        let ids = Set(text.documents.map(\.entry.id))
        base.documents.removeAll { !ids.contains($0.entry.id) }
        return base
    }

    static func text(_ id: String, in workspace: Workspace) throws(PublishingError) -> VersionText {
        if let text = workspace.texts[id] { return text }
        if id == VersionsFile.working || workspace.versions.contains(where: { $0.id == id }) {
            throw .versionNotBuilt(id)
        }
        throw .unknownVersion(id, known: workspace.versions.map(\.id))
    }

    /// How a version is named in headings: its title from versions.yml, "arbetstexten" for the sources.
    package static func title(of id: String, in workspace: Workspace) -> String {
        if id == VersionsFile.working { return Swedish.versionLabel(id) }
        return workspace.versions.first { $0.id == id }?.title ?? Swedish.versionLabel(id)
    }
}
