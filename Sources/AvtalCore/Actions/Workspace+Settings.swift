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
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(PatientCase.folder).path)
        else { return }
        let links = LinkContext(corpus)
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let path = "\(PatientCase.folder)/\(name)"
            guard let source = readText(path) else {
                diagnostics.append(Diagnostic(.unreadableFile, "Cannot read '\(path)' as UTF-8 text", at: .file(path), stage: .load))
                continue
            }
            sources[path] = source
            if let patientCase = PatientCaseReader.read(source, links: links, diagnostics: &diagnostics) {
                context.patientCases.append(patientCase)
            }
        }
    }

    // MARK: Remiss settings

    func readText(_ path: String) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        return String(data: data, encoding: .utf8).map { SourceFile(path: path, text: $0) }
    }

    mutating func loadRemiss() {
        if let source = readText(Consultees.fileName) {
            sources[source.path] = source
            consultees = RemissReader.readConsultees(source, diagnostics: &diagnostics)
        }
        let folder = root.appendingPathComponent(RemissSettings.folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where name.hasSuffix(".yml") && !name.hasPrefix(".") {
            let path = "\(RemissSettings.folder)/\(name)"
            guard let source = readText(path) else {
                diagnostics.append(Diagnostic(.unreadableFile, "Cannot read '\(path)' as UTF-8 text", at: .file(path), stage: .load))
                continue
            }
            sources[path] = source
            let versionID = String(name.dropLast(4))
            guard let version = versions.first(where: { $0.id == versionID }), version.status == .published else {
                let summary = versions.contains { $0.id == versionID }
                    ? "Remiss settings for version '\(versionID)', which is not published"
                    : "Remiss settings for unknown version '\(versionID)'"
                diagnostics.append(Diagnostic(.remissForUnknownVersion, summary, at: .file(path), stage: .load,
                                              notes: [DiagnosticNote("a remiss sends out a published version: the file is named remiss/<version>.yml")]))
                continue
            }
            if consultees == nil {
                diagnostics.append(Diagnostic(.missingKey, "The remiss needs \(Consultees.fileName), which lists the consultees",
                                              at: .file(path), stage: .load))
            }
            if let settings = RemissReader.readSettings(source, version: versionID, consultees: consultees, diagnostics: &diagnostics) {
                remiss[versionID] = settings
            }
        }
    }
}
