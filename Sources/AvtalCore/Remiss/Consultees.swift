import Foundation
import Yams

/// `Agreement/remissinstanser.yml`: who can be asked, in groups (the municipalities of each
/// kommunalförbund, the kommunalförbund, the region's boards).
public struct Consultees: Sendable {
    public struct Member: Sendable, Hashable {
        public var id: String
        public var name: String
    }

    public struct Group: Sendable {
        public var id: String
        public var title: String
        /// For a group of municipalities: the kommunalförbund they belong to.
        public var kommunalforbund: String?
        public var members: [Member]
        public var idRange: SourceRange
    }

    public var groups: [Group]

    public static let fileName = "remissinstanser.yml"

    public func group(_ id: String) -> Group? { groups.first { $0.id == id } }

    public func member(_ id: String) -> (Member, Group)? {
        for group in groups {
            if let member = group.members.first(where: { $0.id == id }) { return (member, group) }
        }
        return nil
    }
}
