// Bahasa Indonesia for the messages of the domain's rules and records added with their typed
// values. Same format as `Catalog+id.swift`.
let catalogIndonesianDomain = #"""
en: action decision '{1}' is unknown
id: keputusan tindak lanjut '{1}' tidak dikenal

en: action status '{1}' is unknown
id: status tindak lanjut '{1}' tidak dikenal

en: skp '{1}': {2}
id: skp '{1}': {2}
"""#
