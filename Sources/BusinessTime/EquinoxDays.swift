/// The days of the vernal (春分の日) and autumnal (秋分の日) equinox holidays, by the usual
/// astronomical approximation for 1980–2099:
///
///     vernal   = ⌊20.8431 + 0.242194 × (y − 1980) − ⌊(y − 1980) / 4⌋⌋   (day of March)
///     autumnal = ⌊23.2488 + 0.242194 × (y − 1980) − ⌊(y − 1980) / 4⌋⌋   (day of September)
///
/// computed in integer millionths, so no rounding of binary floating point can move a day (2012's
/// autumnal value is 22.999008). The Cabinet Office fixes each year's days in February of the year
/// before, from the National Astronomical Observatory's ephemeris; for the years the tests pin
/// (2016–2030) the formula gives the announced days.
enum EquinoxDays {
    /// The day of March of the vernal equinox holiday in `year` (1980–2099).
    static func vernal(in year: Int) -> Int {
        day(base: 20_843_100, year: year)
    }

    /// The day of September of the autumnal equinox holiday in `year` (1980–2099).
    static func autumnal(in year: Int) -> Int {
        day(base: 23_248_800, year: year)
    }

    /// ⌊(base + 242194 × (y − 1980)) / 10⁶ − ⌊(y − 1980) / 4⌋⌋, with `base` in millionths of a day.
    private static func day(base: Int, year: Int) -> Int {
        let years = year - 1980
        let leapDrift = years >= 0 ? years / 4 : (years - 3) / 4
        let millionths = base + 242_194 * years - 1_000_000 * leapDrift
        return millionths >= 0 ? millionths / 1_000_000 : (millionths - 999_999) / 1_000_000
    }
}
