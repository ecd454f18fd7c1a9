/// A problem collapsing a world into its groups.
public enum CollapseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No actor has the attribute; `known` lists the attributes actors do have.
  case unknownAttribute(String, known: [String])
  /// A group's name is also the id of an actor outside every group.
  case groupNameTaken(String)

  public var description: String {
    switch self {
    case let .unknownAttribute(name, known):
      "no actor has the attribute \"\(name)\"\(didYouMean(name, in: known))"
        + (known.isEmpty ? "" : "; attributes: " + known.joined(separator: ", "))
    case let .groupNameTaken(name):
      "the group \"\(name)\" has the id of an actor outside every group; rename one of them"
    }
  }
}

extension World {
  /// The world seen as its groups: every actor whose `attribute` has a value becomes part of
  /// one actor named by that value (`--collapse-by bloc`: "Axis", "Gulf", …); actors without
  /// the attribute stay as they are.
  ///
  /// Each relation runs between its ends' groups, with its type, weight, sign, dates and
  /// citation; relations inside one group are dropped (a bloc's internal ties are not its
  /// ties to others). Parallel relations between two groups are kept, so the lens merges them
  /// as it merges any parallel relations (`--combine sum` or `max`). A group actor is of its
  /// members' kind when they share one, else `other`, and lists them in the attribute
  /// `members`. Types, sources and the date are unchanged.
  ///
  /// - Throws: ``CollapseError``.
  /// - Complexity: O(*n* + *m*).
  public func collapsed(by attribute: String) throws -> World {
    guard actors.contains(where: { $0.attributes[attribute] != nil }) else {
      throw CollapseError.unknownAttribute(attribute, known: Set(actors.flatMap(\.attributes.keys)).sorted())
    }
    var groupOf: [Actor.ID: Actor.ID] = [:]
    var grouped: [Actor] = []
    var position: [Actor.ID: Int] = [:]
    for actor in actors {
      guard let value = actor.attributes[attribute] else {
        grouped.append(actor)
        groupOf[actor.id] = actor.id
        continue
      }
      let id = Actor.ID(value)
      groupOf[actor.id] = id
      if let at = position[id] {
        grouped[at].attributes["members"]! += ", " + actor.id.rawValue
        if grouped[at].kind != actor.kind { grouped[at].kind = .other }
      } else {
        position[id] = grouped.count
        grouped.append(Actor(id: id, name: value, kind: actor.kind, attributes: [attribute: value, "members": actor.id.rawValue]))
      }
    }
    for (id, _) in position where actors.contains(where: { $0.id == id && $0.attributes[attribute] == nil }) {
      throw CollapseError.groupNameTaken(id.rawValue)
    }
    var copy = self
    copy.actors = grouped
    var kept = RelationStore()
    for i in relations.indices {
      var r = relations[i]
      guard let from = groupOf[r.from], let to = groupOf[r.to], from != to else { continue }
      (r.from, r.to) = (from, to)
      kept.append(r)
    }
    copy.relations = kept
    return copy
  }
}
