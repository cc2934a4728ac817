import Foundation
import Yams

/// Finds many phrases in text at once, whole words and ignoring case: the text is split into
/// lower-cased words once, on its UTF-8 bytes, and phrases are looked up by their first word.
/// (Searching for each phrase with Foundation's case-insensitive `range(of:)`, or splitting on
/// `Character`s, made `avtal check` several times slower.)
public struct PhraseIndex: Sendable {
    /// First word → (the phrase's words, the phrase's number). Words are 64-bit FNV-1a hashes of their
    /// lower-cased bytes: no allocation per word of text.
    private var byFirstWord: [UInt64: [(words: [UInt64], id: Int)]] = [:]
    public init(_ phrases: [String]) {
        for (id, phrase) in phrases.enumerated() {
            let words = Self.words(in: phrase).map(\.word)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append((words, id))
        }
    }

    /// Words as lower-cased UTF-8, with their byte offsets. Every non-ASCII byte counts as part of
    /// a word: in Swedish text those are letters (å, ä, ö, é); ASCII letters, digits and "-" too.
    static func words(in text: String) -> [(word: UInt64, range: Range<Int>)] {
        var out: [(word: UInt64, range: Range<Int>)] = []
        var hash: UInt64 = 0
        var length = 0
        var trailingDashes = 0
        var start = 0
        var previous: UInt8 = 0
        var offset = 0
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 || b == 0x2D
        }
        for byte in text.utf8 {
            if isWordByte(byte), !(byte == 0x2D && length == 0) {
                if length == 0 {
                    start = offset
                    hash = 0xcbf2_9ce4_8422_2325
                }
                // A dash counts only inside a word: it is hashed when a letter follows it.
                if byte == 0x2D {
                    trailingDashes += 1
                } else {
                    for _ in 0..<trailingDashes { hash = (hash ^ 0x2D) &* 0x100_0000_01b3 }
                    trailingDashes = 0
                    var lowered = byte
                    if byte >= 0x41 && byte <= 0x5A { lowered = byte + 0x20 }
                    // Latin-1 capitals (À–Þ but ×) are C3 80–C3 9E in UTF-8; their small letters are 0x20 higher.
                    if previous == 0xC3, byte >= 0x80, byte <= 0x9E, byte != 0x97 { lowered = byte + 0x20 }
                    hash = (hash ^ UInt64(lowered)) &* 0x100_0000_01b3
                }
                length += 1
            } else if length > 0 {
                out.append((hash, start..<(start + length - trailingDashes)))
                length = 0
                trailingDashes = 0
            }
            previous = byte
            offset += 1
        }
        if length > 0 { out.append((hash, start..<(start + length - trailingDashes))) }
        return out
    }

    /// Every occurrence: the phrase's number and where it is in `text`.
    public func matches(in text: String) -> [(id: Int, range: Range<String.Index>)] {
        let words = Self.words(in: text)
        var found: [(Int, Range<String.Index>)] = []
        for (position, entry) in words.enumerated() {
            guard let candidates = byFirstWord[entry.word] else { continue }
            for candidate in candidates where position + candidate.words.count <= words.count {
                if zip(candidate.words, words[position...]).allSatisfy({ $0 == $1.word }) {
                    let utf8 = text.utf8
                    let lower = utf8.index(utf8.startIndex, offsetBy: entry.range.lowerBound)
                    let upper = utf8.index(utf8.startIndex, offsetBy: words[position + candidate.words.count - 1].range.upperBound)
                    found.append((candidate.id, lower..<upper))
                }
            }
        }
        return found
    }
}

/// Whole-word, case-insensitive occurrences of phrases in text.
public enum WordFinder {
    public static func ranges(of phrase: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var start = text.startIndex
        while let range = text.range(of: phrase, options: [.caseInsensitive], range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWord = { (c: Character?) in c.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false }
            if !isWord(before), !isWord(after) { found.append(range) }
            start = range.upperBound
        }
        return found
    }
}
