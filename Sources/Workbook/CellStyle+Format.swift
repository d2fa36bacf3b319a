import CXlsxWriter

extension CellStyle {
    /// libxlsxwriter stores a number format in a 128-byte field (127 bytes of UTF-8).
    static let maximumNumberFormatBytes = 127

    /// Why this style cannot be used, or nil if it can.
    var problem: String? {
        if let numberFormat, numberFormat.utf8.count > Self.maximumNumberFormatBytes {
            return "number format \"\(numberFormat.prefix(20))…\" is \(numberFormat.utf8.count) bytes; libxlsxwriter allows at most \(Self.maximumNumberFormatBytes)"
        }
        if let fontSize, !(fontSize >= 1 && fontSize <= 409) {
            return "font size \(fontSize) is outside Excel's range 1...409"
        }
        return nil
    }

    /// Applies the style to a fresh libxlsxwriter format.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if let numberFormat {
            CellText.sanitized(numberFormat).withCString { format_set_num_format(format, $0) }
        }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if let fontColor { format_set_font_color(format, Self.color(fontColor)) }
        if let background {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, Self.color(background))
        }
        if let alignment { format_set_align(format, alignment.libxlsxwriterValue) }
        if wrap { format_set_text_wrap(format) }
        if bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let fontSize { format_set_font_size(format, fontSize) }
    }

    /// libxlsxwriter's color value: 0xRRGGBB, except black, which is 0x1000000 because 0 means "unset".
    static func color(_ rgb: UInt32) -> lxw_color_t {
        let masked = rgb & 0xFF_FFFF
        return masked == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(masked)
    }
}

extension CellStyle.Alignment {
    /// The matching `LXW_ALIGN_*` constant.
    var libxlsxwriterValue: UInt8 {
        switch self {
        case .left: UInt8(LXW_ALIGN_LEFT.rawValue)
        case .center: UInt8(LXW_ALIGN_CENTER.rawValue)
        case .right: UInt8(LXW_ALIGN_RIGHT.rawValue)
        }
    }
}
