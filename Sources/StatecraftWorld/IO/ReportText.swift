import Foundation

/// The number and table formatting every report shares (CLI tables, scenario reports), so a
/// value prints the same wherever it appears.
public enum ReportText {
  /// Columns padded to their widest cell, separated by two spaces, with a rule under the
  /// header; columns in `rightAligned` are right-aligned.
  public static func table(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
    func render(_ row: [String]) -> String {
      var line = row.enumerated().map { i, cell in
        let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
        return rightAligned.contains(i) ? pad + cell : cell + pad
      }.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      return line
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([render(header), rule] + rows.map(render)).joined(separator: "\n")
  }

  /// Shortest round-trip decimal, so JSON and CSV keep full precision; `null` when not finite.
  public static func jsonNumber(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
  }

  /// Six decimals for tables (exponent form below 1e-4 and from 1e15); integers without
  /// decimals; `—` for a missing value (NaN).
  public static func tableNumber(_ x: Double) -> String {
    if x.isNaN { return "—" }
    if x.isFinite && x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    return abs(x) < 1e-4 || abs(x) >= 1e15 ? String(format: "%.4e", x) : decimal(x, places: 6)
  }

  /// `String(format: "%.<places>f", x)` to the byte (C rounds the exact binary value; the
  /// sign of −0 and of negatives that round to zero is kept), without Foundation's formatting
  /// where the answer is certain: rounding `|x| · 10^places` to the nearest integer gives C's
  /// digits unless the product sits within its own rounding error of a tie, and those, like
  /// magnitudes from 1e15 and non-finite values, fall back to `String(format:)`. A table of a
  /// thousand actors formats thousands of numbers per answer. `places` outside 0 … 9 is left to
  /// `String(format:)` as well.
  public static func decimal(_ x: Double, places: Int) -> String {
    let scaled = abs(x) * Double(powerOfTen(places))
    guard x.isFinite, (0 ... 9).contains(places), scaled < 1e15, abs(scaled - scaled.rounded(.down) - 0.5) > 2 * scaled.ulp else {
      return String(format: "%.\(places)f", x)
    }
    var out = x.sign == .minus ? "-" : ""
    appendDigits(Int(scaled.rounded()), places: places, to: &out)
    return out
  }

  /// Appends `x` with exactly `places` decimals (half away from zero; never "-0.0"), without
  /// Foundation's `String(format:)`, which dominated writers of many numbers (a map's outline,
  /// an event import's notes). Magnitudes of 1e15 / 10^places and more, non-finite values and
  /// `places` outside 0 … 9 fall back to `String(format:)`.
  public static func appendFixed(_ x: Double, places: Int, to out: inout String) {
    let scale = powerOfTen(places)
    guard x.isFinite, (0 ... 9).contains(places), abs(x) * Double(scale) < 1e15 else {
      out += String(format: "%.\(places)f", x)
      return
    }
    let units = Int((abs(x) * Double(scale)).rounded(.toNearestOrAwayFromZero))
    if x < 0 && units != 0 { out += "-" }
    appendDigits(units, places: places, to: &out)
  }

  /// Appends `x` as ``appendFixed(_:places:to:)-(_,_,String)`` writes it, as UTF-8 bytes with no string
  /// made per number (an explorer map writes a few thousand).
  public static func appendFixed(_ x: Double, places: Int, to out: inout [UInt8]) {
    let scale = powerOfTen(places)
    guard x.isFinite, (0 ... 9).contains(places), abs(x) * Double(scale) < 1e15 else {
      out += String(format: "%.\(places)f", x).utf8
      return
    }
    let units = Int((abs(x) * Double(scale)).rounded(.toNearestOrAwayFromZero))
    if x < 0 && units != 0 { out.append(UInt8(ascii: "-")) }
    // The digits last first, then turned around in place; `places` of them after the point.
    let start = out.count
    var (v, written) = (units, 0)
    repeat {
      if written == places && places > 0 { out.append(UInt8(ascii: ".")) }
      out.append(UInt8(ascii: "0") + UInt8(v % 10))
      v /= 10
      written += 1
    } while v > 0 || written <= places
    out[start...].reverse()
  }

  /// 10^places for `places` in 0 ... 9 (1 otherwise; callers fall back to `String(format:)`).
  private static func powerOfTen(_ places: Int) -> Int {
    guard (0 ... 9).contains(places) else { return 1 }
    var scale = 1
    for _ in 0 ..< places { scale *= 10 }
    return scale
  }

  /// Appends `units` / 10^places with exactly `places` decimals (`units` ≥ 0).
  private static func appendDigits(_ units: Int, places: Int, to out: inout String) {
    let scale = powerOfTen(places)
    out += String(units / scale)
    guard places > 0 else { return }
    out += "."
    let fraction = String(units % scale)
    out += String(repeating: "0", count: places - fraction.count) + fraction
  }

  /// `x` with exactly `places` decimals (see ``appendFixed(_:places:to:)-(_,_,String)``).
  public static func fixed(_ x: Double, places: Int) -> String {
    var out = ""
    appendFixed(x, places: places, to: &out)
    return out
  }

  /// A size in bytes for people: `812 bytes`, `3.4 MiB`, `2.1 GiB` (binary units).
  public static func byteSize(_ bytes: Int) -> String {
    let units = ["KiB", "MiB", "GiB", "TiB"]
    guard bytes >= 1024 else { return "\(bytes) bytes" }
    var value = Double(bytes) / 1024
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + units[unit]
  }

  /// A signed change with six decimals (`+0.012345`, `0`), or five significant digits below
  /// 1e-4 (`−3.8124e-06`), where six decimals would show a big world's scores as zeros.
  public static func signedNumber(_ x: Double) -> String {
    if x.isNaN { return "—" }
    if x == 0 { return "0" }
    return (x > 0 ? "+" : "−") + (abs(x) < 1e-4 ? String(format: "%.4e", abs(x)) : decimal(abs(x), places: 6))
  }

  /// A JSON string literal.
  public static func jsonString(_ s: String) -> String { jsonQuoted(s) }

  /// A CSV field, quoted when needed.
  public static func csvField(_ s: String) -> String { EdgeListCSV.csvQuoted(s) }
}
