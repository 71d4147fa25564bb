// Bahasa Indonesia for the messages of reading spreadsheet files (CSV) on the way in.
// Same format as `Catalog+id.swift`.
let catalogIndonesianImport = #"""
en: the file is not UTF-8 text (save it as "CSV UTF-8")
id: berkas bukan teks UTF-8 (simpan sebagai "CSV UTF-8")

en: a quote opened here is never closed
id: tanda kutip yang dibuka di sini tidak pernah ditutup

en: line {1}, column {2}: {3}
id: baris {1}, kolom {2}: {3}
"""#
