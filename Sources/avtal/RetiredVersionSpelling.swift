/// The old `--version <id>` of `build`, `remiss` and `responses compile`, which shared its name with
/// `avtal --version` (their help pages showed both meanings). It is refused before parsing, with the
/// new spelling: left to ArgumentParser, `--version` is the built-in flag even after a subcommand, so
/// `avtal remiss --version remiss-2025` would print the tool's version and exit 0, and a CI script
/// still using the old spelling would pass without packaging anything.
enum RetiredVersionSpelling {
    /// The usage error for `arguments` (without the program name), or nil when they do not use it.
    static func message(for arguments: [String]) -> String? {
        let replacement: String
        switch (arguments.first, arguments.dropFirst().first) {
        case ("remiss", _): replacement = "avtal remiss <id>"
        case ("export", _): replacement = "avtal export <id>"
        case ("build", _): replacement = "avtal build --only <id>"
        case ("responses", "compile"): replacement = "avtal responses compile <folder> --for <id>"
        default: return nil
        }
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return nil }
            let value: String?
            if argument.hasPrefix("--version=") {
                value = String(argument.dropFirst("--version=".count))
            } else if argument == "--version", index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") {
                value = arguments[index + 1]
            } else {
                value = nil
            }
            if let value {
                return "'--version \(value)' is no longer an option (it also meant 'show the version'): write "
                    + replacement.replacingOccurrences(of: "<id>", with: value)
            }
        }
        return nil
    }
}
