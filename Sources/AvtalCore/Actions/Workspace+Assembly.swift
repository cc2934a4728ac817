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
        return base
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
