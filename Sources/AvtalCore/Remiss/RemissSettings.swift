import Foundation
import Yams

/// `Agreement/remiss/<version>.yml`: the facts of one remiss.
public struct RemissSettings: Sendable {
    public struct Registration: Sendable, Hashable {
        public var organisation: String
        public var number: String
    }

    public struct Sender: Sendable, Hashable {
        public var name: String
        public var signatory: String?
    }

    public struct Person: Sendable, Hashable {
        public var name: String
        public var role: String
        public var email: String
        public var phone: String?
    }

    /// A time of day, as a remiss deadline gives it.
    public struct TimeOfDay: Sendable, Hashable {
        public var hour: Int
        public var minute: Int
    }

    public var version: String
    public var title: String
    public var diarienummer: [Registration]
    public var senders: [Sender]
    public var contacts: [Person]
    public var opens: CalendarDate
    public var deadline: CalendarDate
    public var deadlineTime: TimeOfDay
    public var answerEmail: String
    public var answerPostal: String?
    /// Consultee group IDs, in the order the letter lists them.
    public var consultees: [String]
    public var source: SourceFile

    public static let folder = "remiss"
}
