import Foundation

/// The load stage for what the texts are checked against (registries, patient cases) and for the
/// remiss settings.
extension Workspace {
    // MARK: Registries

    mutating func loadContext() {
        if let source = readText(StatuteRegistry.fileName) {
            sources[source.path] = source
            context.statutes = StatuteRegistry.read(source, diagnostics: &diagnostics)
        }
        if let source = readText(Glossary.fileName) {
            sources[source.path] = source
            context.glossary = Glossary.read(source, diagnostics: &diagnostics)
        }
        if let source = readText(ExternalDocuments.fileName) {
            sources[source.path] = source
            context.externalDocuments = ExternalDocuments.read(source, diagnostics: &diagnostics)
        }
        guard let corpus = working,
              let names = TextFile.names(in: root.appendingPathComponent(PatientCase.folder), path: PatientCase.folder,
                                         stage: .load, diagnostics: &diagnostics)
        else { return }
        let links = LinkContext(corpus)
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let path = "\(PatientCase.folder)/\(name)"
            guard let source = readText(path) else { continue }
            sources[path] = source
            if let patientCase = PatientCaseReader.read(source, links: links, diagnostics: &diagnostics) {
                context.patientCases.append(patientCase)
            }
        }
    }

    // MARK: Remiss settings

    /// The file at `path`, or nil when it is absent or cannot be used; in the latter case the
    /// diagnostic that says why is added, so that a registry that cannot be decoded is never taken
    /// for one that is not there.
    mutating func readText(_ path: String) -> SourceFile? {
        switch TextFile.read(root.appendingPathComponent(path), path: path, stage: .load) {
        case .absent: return nil
        case let .text(source): return source
        case let .failed(diagnostic):
            diagnostics.append(diagnostic)
            context.unreadable.insert(path)
            return nil
        }
    }

    mutating func loadRemiss() {
        if let source = readText(Consultees.fileName) {
            sources[source.path] = source
            consultees = RemissReader.readConsultees(source, diagnostics: &diagnostics)
        }
        let folder = root.appendingPathComponent(RemissSettings.folder)
        guard let names = TextFile.names(in: folder, path: RemissSettings.folder, stage: .load, diagnostics: &diagnostics) else { return }
        for name in names.sorted() where name.hasSuffix(".yml") && !name.hasPrefix(".") {
            let path = "\(RemissSettings.folder)/\(name)"
            guard let source = readText(path) else { continue }
            sources[path] = source
            let versionID = String(name.dropLast(4))
            // Settings for a draft are checked like any other, so that they can be written before the
            // version is published; only `avtal remiss` insists on a published version.
            guard versions.contains(where: { $0.id == versionID }) else {
                if context.unreadable.contains(VersionsFile.name) { continue }
                diagnostics.append(Diagnostic(.remissForUnknownVersion, "Remiss settings for unknown version '\(versionID)'",
                                              at: .file(path), stage: .load,
                                              notes: [DiagnosticNote("the file is named remiss/<version>.yml after a version in \(VersionsFile.name)")]))
                continue
            }
            if consultees == nil, !context.unreadable.contains(Consultees.fileName) {
                diagnostics.append(Diagnostic(.missingKey, "The remiss needs \(Consultees.fileName), which lists the consultees",
                                              at: .file(path), stage: .load))
            }
            if let settings = RemissReader.readSettings(source, version: versionID, consultees: consultees, diagnostics: &diagnostics) {
                remiss[versionID] = settings
            }
        }
    }
}
