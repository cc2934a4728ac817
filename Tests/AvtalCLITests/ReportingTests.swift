import ArgumentParser
import AvtalCore
import Foundation
import Testing
@testable import avtal

/// The exit statuses CI relies on, decided in one place: 1 problems found, 2 the tool could not run.
@Suite struct ReportingTests {
    let build = try? Build.parse(["--root", "Korpus"])

    @Test func problemsInTheCorpusExitOneAndQuoteTheRefusal() throws {
        let outcome = try #require(Reporting.outcome(of: ActionFailure.problems([], sources: [:]), from: build))
        #expect(outcome.status == 1)
        #expect(outcome.message.hasSuffix("avtal: error: nothing was written: fix the errors above first (avtal check)\n"))
        let publish = try Publish.parse(["v1"])
        let refused = try #require(Reporting.outcome(of: PublishAction.Failure.problems([], sources: [:]), from: publish))
        #expect(refused.status == 1)
        #expect(refused.message.hasSuffix("avtal: error: nothing was published: fix the errors above first\n"))
    }

    @Test func problemsAlreadyPrintedExitOneSilently() {
        #expect(Reporting.outcome(of: Reporting.ProblemsReported(), from: build) == .init(status: 1, message: ""))
    }

    @Test func anActionThatCannotRunExitsTwoWithItsMessage() {
        #expect(Reporting.outcome(of: ActionFailure.cannotRun("no version 'x'"), from: build)
            == .init(status: 2, message: "avtal: error: no version 'x'\n"))
        #expect(Reporting.outcome(of: PublishAction.Failure.usage("already published"), from: build)?.status == 2)
        #expect(Reporting.outcome(of: CocoaError(.fileNoSuchFile), from: build)?.status == 2, "any other error")
    }

    @Test func argumentErrorsExitTwoNotSixtyFour() {
        #expect(Reporting.outcome(of: ValidationError("--date 'x' is not a date"), from: nil)?.status == 2)
    }

    @Test func helpAndExitCodesAreLeftToArgumentParser() {
        #expect(Reporting.outcome(of: ExitCode(3), from: build) == nil)
        #expect(Reporting.outcome(of: CleanExit.helpRequest(), from: nil) == nil)
    }
}
