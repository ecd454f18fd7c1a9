/// Parses a comma-separated list of ids the way a command-line list option reads it.
///
/// The list follows CSV rules, so an id that holds a comma is quoted:
/// `--avoid '"Washington, D.C.",PAK'` names two actors. Spaces around an unquoted item are
/// trimmed; inside quotes they are kept, and `""` is a literal quote. Empty items are
/// dropped. List options may also be repeated (`--avoid PAK --avoid "Washington, D.C."`),
/// and each value is parsed this way.
public enum IDList {
  /// Splits one option value into ids.
  ///
  ///     try IDList.parse(#""Washington, D.C.", PAK"#)  // ["Washington, D.C.", "PAK"]
  ///
  /// - Throws: ``IDListError`` for an unclosed quote or text after a closing quote.
  public static func parse(_ text: String) throws -> [String] {
    let split = EdgeListCSV.splitFields(Substring(text))
    if let error = split.error { throw IDListError(list: text, reason: error) }
    return split.fields.filter { !$0.isEmpty }
  }

  /// Parses every value of a repeatable list option, in order.
  public static func parse(_ values: [String]) throws -> [String] {
    try values.flatMap(parse)
  }
}

/// A list option that cannot be split into ids.
public struct IDListError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The option value as given.
  public var list: String
  /// What is wrong with it.
  public var reason: String
  public var description: String {
    "cannot read the list \"\(list)\": \(reason); separate ids with commas and quote an id that"
      + " holds a comma, as in '\"Washington, D.C.\",PAK'"
  }
}
