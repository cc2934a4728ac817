/// A front matter field whose value a version may change: what `set-metadata` names, what assembly
/// sets and records, and what a diff compares. The raw value is the key as written in front matter.
public enum FrontMatterField: String, CaseIterable, Hashable, Sendable {
    case title
    case shortTitle = "short-title"
    case validFrom = "valid-from"
    /// Also stands for `valid-until-further-notice`: both say when a document stops being valid.
    case validTo = "valid-to"
    case legalBasis = "legal-basis"

    /// The fields a patch may set. The legal basis is a list of citations, changed in the sources only.
    public static let patchable: [FrontMatterField] = [.title, .shortTitle, .validFrom, .validTo]

    public var isPatchable: Bool { self != .legalBasis }
}
