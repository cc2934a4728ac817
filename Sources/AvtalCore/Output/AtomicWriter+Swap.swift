import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AtomicWriter {
    /// Puts the staged folder at `target` (and the staged companion file at its place), then removes
    /// the old tree. On failure everything is put back and the staging is removed.
    static func swapIn(_ staging: URL, at target: URL, companion: (staged: URL, url: URL)?, noReplace: Bool) throws(Failure) {
        let fm = FileManager.default
        func discard() {
            try? fm.removeItem(at: staging)
            if let companion { try? fm.removeItem(at: companion.staged) }
        }
        let hadTarget = fm.fileExists(atPath: target.path)
        if hadTarget && noReplace {
            discard()
            throw Failure("\(target.path) exists already")
        }
        // After the swap, `old` holds the previous tree (if any), ready to be removed or put back.
        let old: URL?
        if !hadTarget {
            guard Rename.move(staging, to: target, noReplace: true) else {
                let reason = String(cString: strerror(errno))
                discard()
                throw Failure("cannot put \(target.path) in place: \(reason)")
            }
            old = nil
        } else if Rename.exchange(staging, target) {
            old = staging
        } else {
            // No RENAME_EXCHANGE here (old kernel or file system): two renames, undone on failure.
            let aside = sibling(of: target, role: "old")
            guard rename(target.path, aside.path) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw Failure("cannot move the old \(target.path) aside: \(reason)")
            }
            guard rename(staging.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(aside.path, target.path)
                discard()
                throw Failure("cannot put \(target.path) in place: \(reason)")
            }
            old = aside
        }
        if let companion, rename(companion.staged.path, companion.url.path) != 0 {
            let reason = String(cString: strerror(errno))
            if let old, !Rename.exchange(old, target) {
                try? fm.removeItem(at: target)
                _ = rename(old.path, target.path)
            } else if old == nil {
                try? fm.removeItem(at: target)
            }
            if let old { try? fm.removeItem(at: old) }
            try? fm.removeItem(at: companion.staged)
            throw Failure("cannot write \(companion.url.path): \(reason); \(target.path) was left as it was")
        }
        if let old { try? fm.removeItem(at: old) }
    }
}

/// `renameat2(2)`, looked up at run time because Swift's Glibc module does not declare it.
enum Rename {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let atFDCWD: Int32 = -100
    private static let noReplaceFlag: UInt32 = 1
    private static let exchangeFlag: UInt32 = 2

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Swaps the two paths in one step, so that neither is ever missing. False when unsupported or failed.
    static func exchange(_ a: URL, _ b: URL) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(atFDCWD, a.path, atFDCWD, b.path, exchangeFlag) == 0
    }

    /// Renames `source` to `target`; with `noReplace`, fails rather than replace an existing target
    /// (plain rename(2) would silently replace an empty folder a concurrent run just created).
    static func move(_ source: URL, to target: URL, noReplace: Bool) -> Bool {
        if noReplace, let renameat2 {
            let result = renameat2(atFDCWD, source.path, atFDCWD, target.path, noReplaceFlag)
            if result == 0 { return true }
            if errno != EINVAL && errno != ENOSYS { return false }
        }
        return rename(source.path, target.path) == 0
    }
}
