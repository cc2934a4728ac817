import Foundation

/// Reading one text file of the corpus. Absent, unreadable and not UTF-8 are three different answers:
/// a registry that cannot be decoded must never pass for one that is not there, or every check that
/// needs it is silently skipped.
package enum TextFile {
    package enum Outcome: Sendable {
        /// No file at that path: the caller decides whether that is a problem.
        case absent
        case text(SourceFile)
        /// The file is there but cannot be used; the diagnostic names it (AV205 or AV206).
        case failed(Diagnostic)
    }

    /// Where the first byte that is not UTF-8 is: its offset from the start of the file (0-based),
    /// and the 1-based line and column (in Unicode scalars, as editors count) it is at.
    package struct BadByte: Error, Sendable, Equatable {
        package var offset: Int
        package var byte: UInt8
        package var location: SourceLocation

        /// "byte 0xFF at byte offset 12": the part of a message that lets one find the byte with a hex editor.
        package var description: String {
            "byte 0x\(String(byte, radix: 16, uppercase: true).leftPadded(to: 2)) at byte offset \(offset)"
        }
    }

    /// Reads `url`, reported as the corpus-relative `path`.
    package static func read(_ url: URL, path: String, stage: Stage) -> Outcome {
        guard FileManager.default.fileExists(atPath: url.path) else { return .absent }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failed(Diagnostic(.unreadableFile, "Cannot read '\(path)'", at: .file(path), stage: stage,
                                      notes: [DiagnosticNote("check that it is a file and that you may read it")]))
        }
        switch decode(data) {
        case let .success(text): return .text(SourceFile(path: path, text: text))
        case let .failure(bad): return .failed(notUTF8(path, bad, stage: stage))
        }
    }

    /// The text of `data`, or where its first byte that is not UTF-8 is.
    package static func decode(_ data: Data) -> Result<String, BadByte> {
        if let text = String(data: data, encoding: .utf8) { return .success(text) }
        return .failure(firstBadByte(data) ?? BadByte(offset: 0, byte: data.first ?? 0, location: .init(line: 1, column: 1)))
    }

    package static func notUTF8(_ path: String, _ bad: BadByte, stage: Stage) -> Diagnostic {
        Diagnostic(.notUTF8, "'\(path)' is not UTF-8 text: \(bad.description)",
                   at: SourceRange(file: path, start: bad.location, end: bad.location), stage: stage,
                   notes: [DiagnosticNote("save the file as UTF-8 (the byte is often a Latin-1 or Windows-1252 å, ä or ö)")])
    }

    /// The first byte of `data` that does not belong to a well-formed UTF-8 sequence (no overlong
    /// forms, no surrogates, nothing above U+10FFFF).
    package static func firstBadByte(_ data: Data) -> BadByte? {
        let bytes = [UInt8](data)
        var (index, line, lineStart) = (0, 1, 0)
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else {
                var column = 1
                for offset in lineStart..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
                return BadByte(offset: index, byte: bytes[index], location: .init(line: line, column: column))
            }
            if bytes[index] == UInt8(ascii: "\n") { (line, lineStart) = (line + 1, index + 1) }
            index += length
        }
        return nil
    }

    /// The length of the well-formed sequence at `index`, or 0 when the byte there starts none.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let (length, second): (Int, ClosedRange<UInt8>)
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        default: return 0
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return 0 }
        for offset in (index + 2)..<(index + length) where bytes[offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

extension TextFile {
    /// The names in the folder `url`; nil when there is no such folder. A folder that is there but
    /// cannot be listed is a diagnostic, not an empty folder.
    package static func names(in url: URL, path: String, stage: Stage, diagnostics: inout [Diagnostic]) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue, let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            diagnostics.append(Diagnostic(.unreadableFile, "Cannot read the folder '\(path)'", at: .file(path), stage: stage,
                                          notes: [DiagnosticNote("check that it is a folder and that you may read it")]))
            return nil
        }
        return names
    }
}
