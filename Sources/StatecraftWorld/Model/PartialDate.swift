/// A calendar date given to year, month or day precision: `2025`, `2025-04`, `2025-04-07`.
///
/// Relations are valid over `since ... until`. A partial date covers a span: as a start it
/// means its first day, as an end its last day (`until: 2025-04` runs through April 30).
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
  /// year × 10,000 + month × 100 + day, with 0 for a missing month or day: 8 bytes instead
  /// of 33, which matters with two dates on each of a million relations.
  let packed: Int64

  /// A date from its packed form (``packed``), as the relation store keeps it.
  init(packed: Int64) { self.packed = packed }

  /// The year.
  public var year: Int { Int(packed / 10_000) }
  /// The month, 1–12, when the date has one.
  public var month: Int? {
    let m = Int((packed / 100) % 100)
    return m == 0 ? nil : m
  }
  /// The day of the month, when the date has one.
  public var day: Int? {
    let d = Int(packed % 100)
    return d == 0 ? nil : d
  }

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
    packed = Int64(y) * 10_000 + Int64(m ?? 0) * 100 + Int64(d ?? 0)
  }

  /// A date from its parts, or `nil` when they name no date: a year in 0…9999, a month in
  /// 1…12 when given, a day that month has when given (a day needs a month).
  public init?(year: Int, month: Int? = nil, day: Int? = nil) {
    guard (0 ... 9999).contains(year), month.map({ (1 ... 12).contains($0) }) ?? true else { return nil }
    if let day {
      guard let month, (1 ... PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
    }
    self.init(validYear: year, month: month, day: day)
  }

  /// A date from parts the caller computed from valid dates (a series' steps, a range's ends).
  package init(validYear year: Int, month: Int? = nil, day: Int? = nil) {
    packed = Int64(year) * 10_000 + Int64(month ?? 0) * 100 + Int64(day ?? 0)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Whether a period from `since` to `until` (either open when `nil`) shares a day with
  /// `date`: the rule for a relation being valid on a date.
  static func period(since: PartialDate?, until: PartialDate?, overlaps date: PartialDate) -> Bool {
    if let since, since.firstDayKey > date.lastDayKey { return false }
    if let until, until.lastDayKey < date.firstDayKey { return false }
    return true
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

extension PartialDate {
  /// Whether a validity range is empty: `until` ends before `since` begins (partial dates
  /// cover their whole month or year, so since 2025-05, until 2025 is a range). The one rule
  /// every reader and edit applies.
  public static func reversed(since: PartialDate?, until: PartialDate?) -> Bool {
    guard let since, let until else { return false }
    return until.lastDayKey < since.firstDayKey
  }
}
