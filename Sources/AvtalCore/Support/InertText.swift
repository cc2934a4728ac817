/// Text from outside (response files, their names, a corpus's file names) shown on a terminal or in a
/// .txt file: a control character in it must not move the cursor, clear the screen, start a line of
/// its own or turn the text around, so each is shown as an escape such as `\u{1B}`.
extension Unicode.Scalar {
    /// C0 (tab and line feed included), DEL, C1, the line and paragraph separators and the bidi
    /// embeddings, overrides and isolates: everything a terminal or an editor acts on instead of showing.
    package var isActiveOnTerminal: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `\u{1B}`: the scalar as Swift writes it, in upper-case hex.
    package var escapedForTerminal: String { "\\u{\(String(value, radix: 16, uppercase: true))}" }
}

extension String {
    /// The text with every scalar that a terminal would act on shown escaped; the rest unchanged.
    package var inertForTerminal: String {
        guard unicodeScalars.contains(where: \.isActiveOnTerminal) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar.isActiveOnTerminal {
                out.append(contentsOf: scalar.escapedForTerminal.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
