/// A calendar date given to year, month or day precision: `2025`, `2025-04`, `2025-04-07`.
///
/// Relations are valid over `since ... until`. A partial date covers a span: as a start it
/// means its first day, as an end its last day (`until: 2025-04` runs through April 30).
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int?
  public let day: Int?

  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month and day ranges (leap years
  /// included). Returns `nil` for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1 ... 3).contains(parts.count),
      parts[0].count == 4, let y = Int(parts[0]), y > 0
    else { return nil }
    var m: Int?
    var d: Int?
    if parts.count >= 2 {
      guard parts[1].count == 2, let mm = Int(parts[1]), (1 ... 12).contains(mm) else { return nil }
      m = mm
    }
    if parts.count == 3, let m {
      guard parts[2].count == 2, let dd = Int(parts[2]),
        (1 ... PartialDate.daysIn(month: m, year: y)).contains(dd)
      else { return nil }
      d = dd
    }
    year = y
    month = m
    day = d
  }

  public init(year: Int, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// A sortable key for the first day the date covers.
  public var firstDayKey: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }
  /// A sortable key for the last day the date covers.
  public var lastDayKey: Int {
    let m = month ?? 12
    return year * 10_000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
  }

  public var description: String {
    var s = String(year)
    if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
    if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
    return s
  }
}
