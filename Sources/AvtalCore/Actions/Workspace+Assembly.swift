extension Workspace {
    /// The text a version's patches apply to: its base, named after the version, with the working
    /// manifest's aliases and retirements, so that a patch cannot reuse an ID the sources retired.
    func assemblyBase(_ base: VersionText, for version: Version) -> VersionText {
        var base = base
        if let manifest = working?.manifest {
            base.history.aliases.merge(manifest.aliases) { current, _ in current }
            base.history.retired.merge(manifest.history.retired) { current, _ in current }
        }
        base.id = version.id
        if version.keepsNumbers { Self.keepNumbers(of: &base) }
        return base
    }

    /// Fixes each document's numbers as they stand in `text`: clauses keep them through the patches
    /// applied after, and inserted ones are lettered (`numbering: keep`).
    static func keepNumbers(of text: inout VersionText) {
        for index in text.documents.indices {
            text.documents[index].keptNumbers = text.documents[index].numbersByID
        }
    }

    /// A published version that keeps numbers is read from its snapshot, which holds only text: its
    /// numbers are the base's, kept, as when it was assembled (a renamed clause keeps its number).
    mutating func keepPublishedNumbers(of version: Version) {
        guard version.keepsNumbers, let base = texts[version.base], var text = texts[version.id] else { return }
        for index in text.documents.indices {
            guard let old = base.document(text.documents[index].entry.id) else { continue }
            var numbers = old.numbersByID
            for (key, new) in text.history.aliases where key.hasPrefix("\(old.entry.id)#") {
                let oldID = String(key.dropFirst(old.entry.id.count + 1))
                if numbers[new] == nil, let number = numbers[oldID] { numbers[new] = number }
            }
            text.documents[index].keptNumbers = numbers
        }
        texts[version.id] = text
    }

    /// A published version's text is its snapshot, but what its patches changed is only known by applying
    /// them to its base; likewise a draft whose base could not be assembled in order. Done once here, so
    /// that amendment texts read the record. Problems stay in the record and are not reported: the sources
    /// may have moved on since the version was published, and a draft's own problems are reported already.
    mutating func recordRemainingAssemblies() {
        for version in versions where assemblies[version.id] == nil && (scope == nil || version.id == scope) {
            guard let base = texts[version.base] else { continue }
            var assembler = Assembler(base: assemblyBase(base, for: version))
            for patchID in version.patches {
                if let patch = patches[patchID] { assembler.apply(patch) }
            }
            assemblies[version.id] = assembler.record
        }
    }
}
