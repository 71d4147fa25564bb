// Bahasa Indonesia for the PostgreSQL store's documentation pass (issue 14): the hint that
// names the command making a store. Same format as `Catalog+id.swift`.
let catalogIndonesianPgDocs14 = #"""
en: create it with: kemuning --store URL -c 'store init'
id: buat dengan: kemuning --store URL -c 'store init'
"""#
