import Testing
@testable import PulseKit
