// Bahasa Indonesia for every message of the shell. See `Catalog` for the format.
let catalogIndonesian = #"""
en: interrupted
id: dihentikan
"""#
