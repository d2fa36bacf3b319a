/// The look of a cell: number format, font, fill, alignment and border.
///
/// Each distinct style becomes one shared format record per workbook.
public struct CellStyle: Hashable, Sendable {
    /// Horizontal alignment of the cell content.
    public enum Alignment: Sendable, Hashable {
        /// Align to the left edge.
        case left
        /// Center horizontally.
        case center
        /// Align to the right edge.
        case right
    }

    /// An Excel number format code such as `"#,##0"`, `"0.0%"` or `"yyyy-mm-dd"`; nil for General.
    public var numberFormat: String?
    /// Bold font.
    public var bold: Bool
    /// Italic font.
    public var italic: Bool
    /// Font color as 0xRRGGBB; nil for automatic.
    public var fontColor: UInt32?
    /// Solid background fill as 0xRRGGBB; nil for no fill.
    public var background: UInt32?
    /// Horizontal alignment; nil for Excel's default (text left, numbers right).
    public var alignment: Alignment?
    /// Wrap long text onto several lines.
    public var wrap: Bool
    /// Thin border along the bottom edge.
    public var bottomBorder: Bool
    /// Font size in points; nil for the default (11).
    public var fontSize: Double?

    /// Creates a style; every property defaults to Excel's plain cell.
    public init(
        numberFormat: String? = nil,
        bold: Bool = false,
        italic: Bool = false,
        fontColor: UInt32? = nil,
        background: UInt32? = nil,
        alignment: Alignment? = nil,
        wrap: Bool = false,
        bottomBorder: Bool = false,
        fontSize: Double? = nil
    ) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.italic = italic
        self.fontColor = fontColor
        self.background = background
        self.alignment = alignment
        self.wrap = wrap
        self.bottomBorder = bottomBorder
        self.fontSize = fontSize
    }
}
