import Foundation

/// `avtal-fuzz <harness> ...`: the fuzz harnesses of docs/architecture.md ("Fuzzing").
///
/// Built normally (`swift build`) it is a replay runner: `avtal-fuzz <harness> FILE|FOLDER...` runs
/// each file through the harness once, so that a crash found by fuzzing stays fixed (the regression
/// fixtures in Tests/AvtalCLITests/FuzzRegressions are replayed this way, without sanitizers).
/// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZING`, the same entry point hands the
/// remaining arguments to libFuzzer. The harness may also come from `AVTAL_FUZZ_HARNESS`.
@main
enum FuzzMain {
    static func main() {
        var arguments = CommandLine.arguments
        let program = arguments.removeFirst()
        var name = ProcessInfo.processInfo.environment["AVTAL_FUZZ_HARNESS"]
        if let first = arguments.first, Harness(rawValue: first) != nil {
            name = first
            arguments.removeFirst()
        }
        guard let harness = name.flatMap(Harness.init(rawValue:)) else {
            let names = Harness.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: avtal-fuzz <\(names)> FILE|FOLDER...\n".utf8))
            exit(2)
        }
        selected = harness
        #if FUZZING
        exit(runLibFuzzer(program: program, arguments: arguments))
        #else
        exit(replay(harness, paths: arguments))
        #endif
    }

    /// Runs every file under `paths` through `harness`; a crash ends the process, as it would in avtal.
    static func replay(_ harness: Harness, paths: [String]) -> Int32 {
        var inputs: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("avtal-fuzz: no such file '\(path)'\n".utf8))
                return 2
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                inputs += names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
            } else {
                inputs.append(url)
            }
        }
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input.path) else {
                FileHandle.standardError.write(Data("avtal-fuzz: cannot read '\(input.path)'\n".utf8))
                return 2
            }
            data.withUnsafeBytes { harness.run($0) }
        }
        print("\(harness.rawValue): replayed \(inputs.count) inputs")
        return 0
    }
}

/// The harness of this process, for the C callback that libFuzzer calls, which cannot capture it.
nonisolated(unsafe) var selected: Harness = .document

#if FUZZING
// libFuzzer's driver, linked by -sanitize=fuzzer. SwiftPM points the program's `main` at the Swift
// entry point, which shadows libFuzzer's own main, so the Swift entry point starts the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

extension FuzzMain {
    static func runLibFuzzer(program: String, arguments: [String]) -> Int32 {
        // libFuzzer keeps pointers into argv for the whole run, so the strings are never freed.
        let strings = ([program] + arguments).map { strdup($0) }
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { argv[index] = string }
        argv[strings.count] = nil
        var argc = CInt(strings.count)
        var argvPointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&argc, &argvPointer) { data, count in
            selected.run(UnsafeRawBufferPointer(start: data, count: count))
            return 0
        }
    }
}
#endif
