/// The tiny corpus every harness runs in: two documents that refer to each other, a statute
/// registry, a glossary and external documents, so that a fuzzed input reaches the reference,
/// citation and term checks and not only the parser.
enum FuzzCorpus {
    static let manifest = """
        title: Provavtal
        parties:
          - Region
          - Kommun
        documents:
          - id: avtal
            file: avtal.md
            kind: agreement
          - id: bilaga
            file: bilaga.md
            kind: appendix
        """

    static let agreement = """
        ---
        id: avtal
        kind: agreement
        title: Provavtal
        short-title: Avtalet
        valid-from: 2027-01-01
        valid-to: 2030-12-31
        ---

        # Inledning {#inledning}

        Parterna ingår detta avtal enligt 16 kap. 1 § hälso- och sjukvårdslagen (2017:30).
        Avtalstiden framgår av [](#avtalstid) och rutinen av [](bilaga#rutin).

        # Ansvar {#ansvar}

        Parterna ansvarar gemensamt för samverkan, se [boken](ext:kok-boken).

        ## Regionens ansvar {#regionens-ansvar}

        Regionen ansvarar för specialiserad vård.

        ## Kommunens ansvar {#kommunens-ansvar}

        Kommunen ansvarar för vård i hemmet, se [kartan](bilagor/karta.pdf).

        # Avtalstid {#avtalstid}

        Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2030.

        """

    static let appendix = """
        ---
        id: bilaga
        kind: appendix
        title: Rutin för samverkan
        valid-from: 2027-01-01
        valid-until-further-notice: true
        ---

        # Rutin {#rutin}

        Rutinen kompletterar [avtalet](avtal#ansvar) och gäller för varje vårdplanering.

        """

    static let statutes = """
        statutes:
          - sfs: "2017:30"
            title: "Hälso- och sjukvårdslag"
            abbreviations: ["HSL"]
            names: ["hälso- och sjukvårdslagen"]
            in-force: 2017-04-01
            paragraphs: ["16 kap. 1 §", "16 kap. 2 §"]
          - sfs: "2001:453"
            title: "Socialtjänstlag"
            abbreviations: ["SoL"]
            names: ["socialtjänstlagen"]
            in-force: 2002-01-01
            repealed-on: 2025-07-01
            paragraphs: []
        """

    static let glossary = """
        terms:
          - term: samverkan
            definition: Att parterna planerar och utför insatser tillsammans.
            source: Arbetsgruppen
        avoid:
          - word: sjuksköterska
            forms: [sjuksköterskor]
            instead: legitimerad hälso- och sjukvårdspersonal
        """

    static let externalDocuments = """
        documents:
          - id: kok-boken
            title: KoK-boken
            url: https://www.vgregion.se/
        """

    /// The corpus's files with `overrides` put in place of (or beside) the fixed ones.
    static func files(_ overrides: [String: String] = [:]) -> [String: String] {
        var files = [
            "agreement.yml": manifest, "avtal.md": agreement, "bilaga.md": appendix, "forfattningar.yml": statutes,
            "begrepp.yml": glossary, "externa-dokument.yml": externalDocuments, "bilagor/karta.pdf": "",
        ]
        files.merge(overrides) { _, new in new }
        return files
    }
}
