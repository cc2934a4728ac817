import Foundation

/// The load stage for the working group's dispositions of remiss comments, so that `avtal check` (and
/// so CI) finds a mistyped disposition or a change carried by a patch that does not exist, not only
/// `avtal responses compile`.
extension Workspace {
    public static let dispositionsFolder = "remissvar"

    mutating func loadDispositions() {
        let folder = root.appendingPathComponent(Self.dispositionsFolder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = TextFile.names(in: folder, path: Self.dispositionsFolder, stage: .load, diagnostics: &diagnostics)
        else { return }
        let carriers = Set(patches.keys).union(versions.map(\.id))
        for version in names.sorted() where !version.hasPrefix(".") {
            let path = DispositionsFile.path(version: version)
            guard let source = readText(path) else { continue }
            sources[path] = source
            let (dispositions, problems) = DispositionsFile.read(source)
            diagnostics += problems
            for disposition in dispositions {
                guard let carrier = disposition.carriedBy, let range = disposition.carriedByRange, !carriers.contains(carrier) else { continue }
                let near = Suggestions.nearest(to: carrier, in: carriers)
                diagnostics.append(Diagnostic(
                    .unknownCarrier, "Disposition carried by unknown patch or version '\(carrier)'", at: range, stage: .check,
                    notes: [DiagnosticNote("carried-by names a patch (patches/<id>.yml) or a version in \(VersionsFile.name)")],
                    fix: near.first.map { Fix("use '\($0)'", range: range, replacement: $0) }))
            }
        }
    }
}
