import Foundation

/// The corpus `avtal init` writes, compiled in from `Starter/`: a manifest with two parties, an
/// agreement and an appendix that refer to each other, a draft version, an empty glossary and statute
/// registry, and a README. It checks clean with `--strict`, builds and publishes as it is; every value
/// a user must replace is written in brackets ("[Part A]").
package enum StarterCorpus {
    /// Path inside the new corpus → bytes.
    package static let files = EmbeddedFiles.decode(encoded)
}
