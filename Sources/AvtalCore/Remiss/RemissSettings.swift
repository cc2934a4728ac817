import Foundation
import Yams

/// `Agreement/remiss/<version>.yml`: the facts of one remiss.
public struct RemissSettings: Sendable {
    public struct Registration: Sendable, Hashable {
        public var organisation: String
        public var number: SettingText
    }

    /// Who signs for a sender: a person's name and title ("regionstyrelsens ordförande").
    public struct Signatory: Sendable, Hashable {
        public var name: SettingText
        public var title: SettingText
    }

    public struct Sender: Sendable, Hashable {
        public var name: String
        public var signatory: Signatory?
    }

    public struct Person: Sendable, Hashable {
        public var name: SettingText
        public var role: SettingText
        public var email: SettingText
        public var phone: SettingText?
    }

    /// A time of day, as a remiss deadline gives it.
    public struct TimeOfDay: Sendable, Hashable {
        public var hour: Int
        public var minute: Int
    }

    /// What `avtal responses compile` does with an answer saved after the deadline.
    public enum LatePolicy: String, CaseIterable, Sendable {
        /// Counted, and marked late wherever it is shown.
        case accept
        /// Listed as rejected (avvisat) in the account, not counted.
        case reject
    }

    public var version: String
    public var title: String
    public var diarienummer: [Registration]
    public var senders: [Sender]
    public var contacts: [Person]
    public var opens: CalendarDate
    public var deadline: CalendarDate
    public var deadlineTime: TimeOfDay
    public var late: LatePolicy = .accept
    public var answerEmail: SettingText
    public var answerPostal: SettingText?
    /// Consultee group IDs, in the order the letter lists them.
    public var consultees: [String]
    public var source: SourceFile

    public static let folder = "remiss"

    /// The deadline as an instant: the date and time are Swedish local time, as the letter says them.
    public var deadlineInstant: Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? TimeZone(secondsFromGMT: 3600)!
        return calendar.date(from: DateComponents(year: deadline.year, month: deadline.month, day: deadline.day,
                                                  hour: deadlineTime.hour, minute: deadlineTime.minute))
    }

    /// Every value marked as a placeholder, in the order the file gives them.
    public var placeholders: [Placeholder] {
        var found = diarienummer.compactMap { $0.number.placeholder(key: "number") }
        for signatory in senders.compactMap(\.signatory) {
            found += [signatory.name.placeholder(key: "name"), signatory.title.placeholder(key: "title")].compactMap { $0 }
        }
        for person in contacts {
            found += [person.name.placeholder(key: "name"), person.role.placeholder(key: "role"),
                      person.email.placeholder(key: "email"), person.phone?.placeholder(key: "phone")].compactMap { $0 }
        }
        found += [answerEmail.placeholder(key: "email"), answerPostal?.placeholder(key: "postal")].compactMap { $0 }
        return found.sorted { ($0.range.start.line, $0.range.start.column) < ($1.range.start.line, $1.range.start.column) }
    }
}
