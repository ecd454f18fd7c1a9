extension World {
  /// The world cut down to some actors: those actors (in file order) and the relations
  /// between them; types, sources and the rest unchanged.
  ///
  /// - Complexity: O(*n* + *m*).
  public func restricted(to ids: Set<Actor.ID>) -> World {
    var copy = self
    copy.actors = actors.filter { ids.contains($0.id) }
    copy.relations = relations.filter { ids.contains($0.from) && ids.contains($0.to) }
    return copy
  }

  /// A name safe as a file stem: letters, digits, `.`, `_` and `-` kept, anything else
  /// (path separators included) replaced by `-`, no leading dot; `world` when nothing is left.
  /// Default output paths use it so that a world named `../../x` cannot escape `Output/`.
  public var fileStem: String {
    var stem = String(name.unicodeScalars.map { u -> Character in
      let c = Character(u)
      return u.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".") ? c : "-"
    })
    while stem.hasPrefix(".") { stem.removeFirst() }
    return stem.isEmpty ? "world" : stem
  }
}
