import Foundation

extension Workspace {
    /// `agreed.yml` against the working text. Runs after the versions are assembled, because a
    /// patch that carries a clause's new wording is what settles a deviation.
    mutating func loadAgreed() {
        guard let source = readText(AgreedWording.fileName) else { return }
        sources[source.path] = source
        let wording = AgreedWording.read(source, diagnostics: &diagnostics)
        agreed = wording
        guard let corpus = working, let text = workingText else { return }
        let decided = assemblies.values.flatMap(\.changes)
        let result = Checker.checkAgreed(wording, working: text, corpus: corpus, decided: decided)
        diagnostics += result.diagnostics
        deviations = result.deviations
    }
}
