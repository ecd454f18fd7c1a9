/// A declared kind of relation, such as `investment` or `tariff-threat`.
///
/// A type gives its relations a default polarity (a relation may override it) and says
/// whether the tie is *material* (money, goods, force) or *verbal* (words, threats,
/// promises); maps draw verbal ties dashed.
public struct RelationType: Hashable, Sendable, Identifiable {
  /// Whether a tie is a deed or a word.
  public enum Mode: String, CaseIterable, Hashable, Sendable {
    case material, verbal
  }

  /// The type's name, as relations give it (`tariff-threat`).
  public var id: String
  /// The sign its relations take unless they give their own.
  public var polarity: Sign
  /// Whether its ties are material or verbal.
  public var mode: Mode
  /// An optional colour for maps, `#rrggbb`.
  public var color: String?
  public var description: String?

  /// A relation type; material, without colour or description, unless given.
  public init(
    id: String, polarity: Sign, mode: Mode = .material, color: String? = nil,
    description: String? = nil
  ) {
    self.id = id
    self.polarity = polarity
    self.mode = mode
    self.color = color
    self.description = description
  }
}

/// A citation that relations point to by key.
public struct Source: Hashable, Sendable, Identifiable {
  /// The key relations cite the source by.
  public var id: String
  /// The title of the cited work.
  public var title: String
  /// Its publisher, if given.
  public var publisher: String?
  /// Its date, if given.
  public var date: PartialDate?
  /// Its address, if given.
  public var url: String?

  /// A source; publisher, date and URL are optional.
  public init(
    id: String, title: String, publisher: String? = nil, date: PartialDate? = nil,
    url: String? = nil
  ) {
    self.id = id
    self.title = title
    self.publisher = publisher
    self.date = date
    self.url = url
  }

  /// A one-line citation: title, publisher, date.
  public var citation: String {
    [title, publisher, date?.description].compactMap { $0 }.joined(separator: ", ")
  }
}
