// Bahasa Indonesia for the messages of what is refused or escaped on the way in and out (control characters, CSV, Markdown, NIKs).
// Same format as `Catalog+id.swift`.
let catalogIndonesianSafety = #"""
"""#
