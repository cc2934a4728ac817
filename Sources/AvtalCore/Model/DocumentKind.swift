/// What a document is: an agreement, a statutory agreement (lagreglerad överenskommelse), an
/// appendix, or a kind the manifest declares (`kinds`), such as a statute or a policy.
public struct DocumentKind: Hashable, Sendable, RawRepresentable, CaseIterable {
    public var rawValue: String
    /// How a declared kind is named; nil for the built-in kinds, whose wording the renderers know.
    public var wording: Wording?

    /// A declared kind's nouns, since Swedish ones cannot be derived: "författning", "författningen",
    /// "författningar", "författningarna".
    public struct Wording: Sendable {
        /// As a page names the kind: "Författning".
        public var label: String
        public var definite: String
        public var plural: String
        public var definitePlural: String
        /// "ett" rather than "en" before one of them.
        public var neuter: Bool
        /// As an English document's page names the kind: "Statute".
        public var labelEnglish: String?

        public init(label: String, definite: String, plural: String, definitePlural: String, neuter: Bool,
                    labelEnglish: String?) {
            (self.label, self.definite, self.plural, self.definitePlural) = (label, definite, plural, definitePlural)
            (self.neuter, self.labelEnglish) = (neuter, labelEnglish)
        }
    }

    /// Only the built-in kinds: a declared one is made by `init(declared:wording:)` from the manifest.
    public init?(rawValue: String) {
        guard Self.allCases.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    private init(builtIn id: String) { rawValue = id }

    public init(declared id: String, wording: Wording) {
        rawValue = id
        self.wording = wording
    }

    public static let agreement = DocumentKind(builtIn: "agreement")
    public static let statutoryAgreement = DocumentKind(builtIn: "statutory-agreement")
    public static let appendix = DocumentKind(builtIn: "appendix")

    /// The built-in kinds.
    public static var allCases: [DocumentKind] { [.agreement, .statutoryAgreement, .appendix] }

    /// A kind is its ID: a declared kind read from a front matter equals the manifest's.
    public static func == (a: DocumentKind, b: DocumentKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
