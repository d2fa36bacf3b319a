import Tabular

/// Japan's national holidays (国民の祝日) and the days off the Act on National Holidays adds to them,
/// by rule, for 1990–2099.
///
/// The rules are the Act (祝日法) as amended: 成人の日 and 体育の日 on Mondays from 2000, 海の日 from
/// 1996 and 敬老の日 on Mondays from 2003, 昭和の日 and みどりの日 on 05-04 from 2007, 山の日 from
/// 2016, 天皇誕生日 on 12-23 until 2018 and 02-23 from 2020, 体育の日 renamed スポーツの日 from 2020;
/// the one-off days of 1990 (即位礼正殿の儀), 1993 (皇太子徳仁親王の結婚の儀) and 2019 (即位の日,
/// 即位礼正殿の儀), and the Olympic moves of 2020 and 2021. Equinox days follow ``EquinoxDays``.
///
/// - 振替休日 (substitute holiday): a national holiday on a Sunday makes the next day a holiday; from
///   2007 the next day that is not a national holiday (2008-05-06 for 05-04).
/// - 国民の休日 (citizens' holiday): a day whose day before and day after are both national
///   holidays, and which is not itself a holiday (before 2007 also not a Sunday), e.g. 05-04 until
///   2006, 2015-09-22, 2019-04-30 and 2019-05-02 (around 即位の日, which counts as a national holiday).
///
/// ```swift
/// JapaneseHolidays.holidays(in: 2026).first { $0.name == "国民の休日" }?.date   // 2026-09-22
/// ```
public enum JapaneseHolidays {
    /// The years whose holidays are known by rule: 1990...2099.
    public static let supportedYears: ClosedRange<Int> = 1990...2099

    /// Every national holiday of `year` with its Japanese name, sorted by date (substitute 振替休日 and citizens' 国民の休日 included).
    /// Empty for a year outside ``supportedYears``.
    /// - Complexity: O(1): about 20 dates, computed afresh on each call.
    public static func holidays(in year: Int) -> [(date: LocalDate, name: String)] {
        guard supportedYears.contains(year) else { return [] }
        let national = nationalHolidays(in: year)
        var names: [Int32: String] = [:]
        for holiday in national { names[holiday.date.daysSinceEpoch] = holiday.name }
        let isNational = { (date: LocalDate) in names[date.daysSinceEpoch] != nil }

        // 振替休日: after a national holiday on a Sunday.
        var substitutes: [LocalDate] = []
        for holiday in national where holiday.date.isoWeekday == 7 {
            var next = holiday.date.adding(days: 1)
            if year >= 2007 {
                while isNational(next) { next = next.adding(days: 1) }
            }
            if !isNational(next) { substitutes.append(next) }
        }
        // 国民の休日: between two national holidays, and no holiday itself.
        var citizens: [LocalDate] = []
        for holiday in national {
            let between = holiday.date.adding(days: 1)
            guard isNational(between.adding(days: 1)), !isNational(between), !substitutes.contains(between),
                  year >= 2007 || between.isoWeekday != 7
            else { continue }
            citizens.append(between)
        }
        var all = national
        all += substitutes.map { (date: $0, name: "振替休日") }
        all += citizens.map { (date: $0, name: "国民の休日") }
        return all.sorted { $0.date < $1.date }
    }

    /// The national holidays (国民の祝日, and the one-off days the law treats as such) of a supported
    /// `year`, unsorted, without substitute or citizens' holidays.
    private static func nationalHolidays(in year: Int) -> [(date: LocalDate, name: String)] {
        var days: [(month: Int, day: Int, name: String)] = []
        let add = { (month: Int, day: Int, name: String) in days.append((month, day, name)) }
        let monday = { (month: Int, week: Int) in nthMonday(week, month: month, year: year) }

        add(1, 1, "元日")
        add(1, year >= 2000 ? monday(1, 2) : 15, "成人の日")
        add(2, 11, "建国記念の日")
        if year >= 2020 { add(2, 23, "天皇誕生日") }
        add(3, EquinoxDays.vernal(in: year), "春分の日")
        add(4, 29, year >= 2007 ? "昭和の日" : "みどりの日")
        add(5, 3, "憲法記念日")
        if year >= 2007 { add(5, 4, "みどりの日") }
        add(5, 5, "こどもの日")
        switch year {
        case 2020: add(7, 23, "海の日")
        case 2021: add(7, 22, "海の日")
        case 2003...: add(7, monday(7, 3), "海の日")
        case 1996...: add(7, 20, "海の日")
        default: break
        }
        switch year {
        case 2020: add(8, 10, "山の日")
        case 2021: add(8, 8, "山の日")
        case 2016...: add(8, 11, "山の日")
        default: break
        }
        add(9, year >= 2003 ? monday(9, 3) : 15, "敬老の日")
        add(9, EquinoxDays.autumnal(in: year), "秋分の日")
        switch year {
        case 2020: add(7, 24, "スポーツの日")
        case 2021: add(7, 23, "スポーツの日")
        case 2022...: add(10, monday(10, 2), "スポーツの日")
        case 2000...: add(10, monday(10, 2), "体育の日")
        default: add(10, 10, "体育の日")
        }
        add(11, 3, "文化の日")
        add(11, 23, "勤労感謝の日")
        if year <= 2018 { add(12, 23, "天皇誕生日") }
        switch year {
        case 1990: add(11, 12, "即位礼正殿の儀")
        case 1993: add(6, 9, "皇太子徳仁親王の結婚の儀")
        case 2019:
            add(5, 1, "即位の日")
            add(10, 22, "即位礼正殿の儀")
        default: break
        }
        return days.map { (date: LocalDate(year: year, month: $0.month, day: $0.day)!, name: $0.name) }
    }

    /// The day of month of the `week`-th Monday (1-based) of `month` in `year`.
    private static func nthMonday(_ week: Int, month: Int, year: Int) -> Int {
        let first = LocalDate(year: year, month: month, day: 1)!
        let firstMonday = 1 + (8 - first.isoWeekday) % 7
        return firstMonday + 7 * (week - 1)
    }
}
