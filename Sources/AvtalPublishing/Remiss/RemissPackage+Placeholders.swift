import AvtalCore

/// Placeholders that would go out with the package: the remiss settings' and the manifest contact's.
extension RemissPackage {
    /// The settings', the manifest contact's and assessment's (the site's accessibility statement)
    /// and the version's patches' (their decision pages), in that order.
    var placeholders: [Placeholder] {
        let manifest = workspace.working?.manifest
        return settings.placeholders + (manifest?.contact?.placeholders ?? []) + (manifest?.accessibility?.placeholders ?? [])
            + version.patches.compactMap { workspace.patches[$0]?.reference.placeholder(key: "reference") }
    }

    /// One AV711 per placeholder, where it is written.
    func placeholderDiagnostics() -> [Diagnostic] {
        placeholders.map { placeholder in
            Diagnostic(.remissPlaceholder, "'\(placeholder.key)' is a placeholder ('\(placeholder.value)'): the package would send it out as an example",
                       at: placeholder.range, stage: .load,
                       notes: [DiagnosticNote("write the real value instead of {placeholder: …}, or make a draft package with --draft")])
        }
    }
}
