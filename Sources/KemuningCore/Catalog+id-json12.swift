// Bahasa Indonesia for the messages of issue 12's values in JSON (a record's labels met in
// Indonesian tables). Same format as `Catalog+id.swift`.
let catalogIndonesianJSON12 = #"""
en: final
id: nilai akhir
"""#
