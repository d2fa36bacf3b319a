import PulseKit
print("pulse \(PulseKit.version)")
