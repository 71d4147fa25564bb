// Bahasa Indonesia for the messages of the process: arguments, signals, output errors, input files.
// Same format as `Catalog+id.swift`.
let catalogIndonesianProcess = #"""
"""#
