// Bahasa Indonesia for the messages of the store: opening, refusing and repairing its files.
// Same format as `Catalog+id.swift`.
let catalogIndonesianStore = #"""
"""#
